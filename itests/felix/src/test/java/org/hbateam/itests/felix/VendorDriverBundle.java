package org.hbateam.itests.felix;

import java.io.InputStream;

import org.hbateam.itests.felix.vendor.VendorDriver;
import org.ops4j.pax.tinybundles.InnerClassStrategy;
import org.ops4j.pax.tinybundles.TinyBundle;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Builds the "vendor driver" bundle ({@link VendorDriver}) at test time. Called from a {@code @Configuration}
 * method only, outside the framework: tinybundles is on the test class path, not installed in the framework,
 * so the test classes that run inside it must not refer to it.
 */
final class VendorDriverBundle {
    private VendorDriverBundle() {
    }

    /** A bundle whose adapter {@code adapter} reaches every LUN that simulated adapter {@code link} reaches. */
    static InputStream build(String symbolicName, String adapter, String link) {
        TinyBundle bundle = TinyBundles.bundle()
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .symbolicName(symbolicName)
                .activator(VendorDriver.class);
        VendorDriver.classes().forEach(type -> bundle.addClass(type, InnerClassStrategy.ALL));
        return bundle
                .setHeader(Constants.IMPORT_PACKAGE, "org.hbateam.api.path,org.hbateam.api.scsi,org.osgi.framework")
                .setHeader(VendorDriver.ADAPTER_HEADER, adapter)
                .setHeader(VendorDriver.LINK_HEADER, link)
                .build(TinyBundles.rawBuilder());
    }
}
