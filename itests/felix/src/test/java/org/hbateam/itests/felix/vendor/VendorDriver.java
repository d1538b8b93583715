package org.hbateam.itests.felix.vendor;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.hbateam.api.path.DataPath;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The activator of a tiny "vendor driver" bundle that the scenario test builds at test time (it is not
 * part of the probe's logic): on start it registers one {@link DataPath} per logical unit that the
 * simulated path of adapter {@value #LINK_HEADER} reaches, over its own adapter named by
 * {@value #ADAPTER_HEADER}; on stop it aborts what its paths hold, refuses further commands and unregisters
 * them, so their in-flight commands complete on other paths. The manifest
 * headers keep the bundle free of test configuration code. A plain activator rather than DS keeps the
 * built bundle free of SCR metadata that would need bnd at test time.
 */
public final class VendorDriver implements BundleActivator {
    /** Manifest header: the adapter id this vendor driver's paths use. */
    public static final String ADAPTER_HEADER = "Hbateam-Vendor-Adapter";
    /** Manifest header: the simulated adapter whose paths carry this driver's commands. */
    public static final String LINK_HEADER = "Hbateam-Vendor-Link";

    /** The classes the vendor driver bundle is made of. */
    public static List<Class<?>> classes() {
        return List.of(VendorDriver.class, VendorPath.class);
    }

    private final List<ServiceRegistration<DataPath>> registrations = new ArrayList<>();
    private final List<VendorPath> paths = new ArrayList<>();

    @Override
    public void start(BundleContext context) throws Exception {
        String adapter = context.getBundle().getHeaders().get(ADAPTER_HEADER);
        String link = context.getBundle().getHeaders().get(LINK_HEADER);
        for (ServiceReference<DataPath> ref : context.getServiceReferences(DataPath.class, "(" + DataPath.ADAPTER_ID + "=" + link + ")")) {
            VendorPath path = new VendorPath(context.getService(ref), adapter);
            paths.add(path);
            registrations.add(context.registerService(DataPath.class, path, properties(path)));
        }
    }

    private static Dictionary<String, Object> properties(VendorPath path) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DataPath.PATH_ID, path.id());
        properties.put(DataPath.ADAPTER_ID, path.adapterId());
        properties.put(DataPath.TARGET, path.target());
        properties.put(DataPath.LUN, path.lun());
        properties.put(DataPath.LU_IDENTITY, path.luIdentity());
        properties.put(DataPath.SESSION_ID, path.sessionId());
        return properties;
    }

    @Override
    public void stop(BundleContext context) {
        paths.forEach(VendorPath::close);
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        paths.clear();
    }
}
