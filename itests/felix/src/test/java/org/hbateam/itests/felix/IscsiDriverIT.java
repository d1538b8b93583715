package org.hbateam.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The iSCSI driver bundle in a real framework: a factory configuration of {@code org.hbateam.iscsi.adapter}
 * activates an adapter (DS constructor injection, the configuration type) that connects to the portal and
 * sends a Login Request with the configured initiator name and CHAP, and the secret never on the wire.
 */
@RunWith(PaxExam.class)
public class IscsiDriverIT extends FelixTestSupport {
    private static final String SECRET = "itest-secret-1";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] config() {
        return options(runtime(), fromProperty("bundle.api"), fromProperty("bundle.driver.iscsi"));
    }

    @Test
    public void aFactoryConfigurationStartsAnAdapterThatLogsIn() throws Exception {
        try (ServerSocket portal = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            portal.setSoTimeout(30_000);
            org.osgi.service.cm.Configuration adapter =
                    configurationAdmin.createFactoryConfiguration("org.hbateam.iscsi.adapter", "?");
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("name", "itest");
            properties.put("initiatorName", "iqn.2026-01.org.hbateam:itest");
            properties.put("portals", new String[] {"127.0.0.1:" + portal.getLocalPort()});
            properties.put("targets", new String[] {"iqn.2026-01.org.example:target"});
            properties.put("chapUser", "itest-user");
            properties.put("chapSecret", SECRET);
            adapter.update(properties);
            try (Socket connection = portal.accept()) {
                DataInputStream in = new DataInputStream(connection.getInputStream());
                byte[] header = new byte[48];
                in.readFully(header);
                assertEquals("the first PDU is an immediate Login Request", 0x43, header[0] & 0xff);
                int length = (header[5] & 0xff) << 16 | (header[6] & 0xff) << 8 | (header[7] & 0xff);
                byte[] text = new byte[length];
                in.readFully(text);
                String keys = new String(text, StandardCharsets.UTF_8);
                assertTrue("the configured initiator name: " + keys, keys.contains("InitiatorName=iqn.2026-01.org.hbateam:itest\0"));
                assertTrue("the configured target: " + keys, keys.contains("TargetName=iqn.2026-01.org.example:target\0"));
                assertTrue("CHAP is offered: " + keys, keys.contains("AuthMethod=CHAP,None\0"));
                assertTrue("no secret on the wire", !keys.contains(SECRET));
            } finally {
                adapter.delete();
            }
        }
    }
}
