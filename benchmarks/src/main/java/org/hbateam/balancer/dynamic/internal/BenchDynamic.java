package org.hbateam.balancer.dynamic.internal;

import java.lang.reflect.Proxy;

/**
 * The dynamic balancer's real factory (with its timer) at its declared default parameters, for the end-to-end
 * benchmarks; its configuration type is package-private, hence this class in its package.
 */
public final class BenchDynamic implements AutoCloseable {
    private final DynamicBalancerFactory factory = new DynamicBalancerFactory(defaults());

    public DynamicBalancerFactory factory() {
        return factory;
    }

    /** Stops the factory's timer, as DS deactivation does. */
    @Override
    public void close() {
        factory.deactivate();
    }

    private static DynamicConfiguration defaults() {
        return (DynamicConfiguration) Proxy.newProxyInstance(DynamicConfiguration.class.getClassLoader(),
                new Class<?>[] {DynamicConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return method.getName().equals("annotationType") ? DynamicConfiguration.class : method.invoke(BenchDynamic.class, args);
                });
    }
}
