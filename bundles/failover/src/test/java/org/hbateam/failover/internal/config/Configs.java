package org.hbateam.failover.internal.config;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a configuration annotation instance from overrides, falling back to the declared defaults. */
public final class Configs {
    private Configs() {
    }

    @SuppressWarnings("unchecked")
    public static <A> A of(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            Object def = method.getDefaultValue();
            if (def == null && method.getDeclaringClass() == type) {
                throw new IllegalStateException("no value for " + method.getName());
            }
            return def != null ? def : method.invoke(values, args);
        });
    }
}
