package org.hbateam.itests.karaf;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** A JMX connection to a running instance as karaf/karaf, over its private RMI ports. */
final class JmxClient implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection connection;

    JmxClient(KarafInstance karaf) throws IOException {
        this.connector = JMXConnectorFactory.connect(new JMXServiceURL(karaf.jmxUrl()),
                Map.of(JMXConnector.CREDENTIALS, new String[] {"karaf", "karaf"}));
        this.connection = connector.getMBeanServerConnection();
    }

    Set<ObjectName> names(String pattern) throws IOException, JMException {
        return connection.queryNames(new ObjectName(pattern), null);
    }

    Object get(ObjectName name, String attribute) throws IOException, JMException {
        return connection.getAttribute(name, attribute);
    }

    /** Invokes an operation whose parameters are all strings. */
    Object invoke(ObjectName name, String operation, String... arguments) throws IOException, JMException {
        String[] signature = new String[arguments.length];
        java.util.Arrays.fill(signature, String.class.getName());
        return connection.invoke(name, operation, arguments, signature);
    }

    /** Invokes an operation with the given arguments and signature (parameter class names). */
    Object call(ObjectName name, String operation, Object[] arguments, String... signature) throws IOException, JMException {
        return connection.invoke(name, operation, arguments, signature);
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
