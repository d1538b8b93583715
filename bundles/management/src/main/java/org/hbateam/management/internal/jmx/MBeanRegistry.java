package org.hbateam.management.internal.jmx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.hbateam.failover.admin.PathStatus;
import org.hbateam.failover.admin.TeamStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one MBean registered per team and per path that exists now: {@link #refresh()} registers the new ones
 * and unregisters the gone ones; {@link #clear()} unregisters everything it registered. Teams and paths come
 * and go without events for membership, hence a refresh rather than listeners.
 */
final class MBeanRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MBeanRegistry.class);

    private final MBeanServer server;
    private final TeamLookup lookup;
    private final Set<ObjectName> registered = new HashSet<>();

    MBeanRegistry(MBeanServer server, TeamLookup lookup) {
        this.server = server;
        this.lookup = lookup;
    }

    synchronized void refresh() {
        Map<ObjectName, Object> wanted = wanted();
        for (ObjectName name : Set.copyOf(registered)) {
            if (!wanted.containsKey(name)) {
                unregister(name);
            }
        }
        wanted.forEach((name, bean) -> {
            if (!registered.contains(name)) {
                register(name, bean);
            }
        });
    }

    synchronized void clear() {
        Set.copyOf(registered).forEach(this::unregister);
    }

    synchronized Set<ObjectName> registeredNames() {
        return Set.copyOf(registered);
    }

    private Map<ObjectName, Object> wanted() {
        Map<ObjectName, Object> wanted = new HashMap<>();
        for (TeamStatus team : lookup.admin().statuses()) {
            wanted.put(ObjectNames.team(team.name()), new StandardMBean(new TeamBean(team.name(), lookup), TeamMXBean.class, true));
            for (PathStatus path : team.paths()) {
                wanted.put(ObjectNames.path(team.name(), path.pathId()),
                        new StandardMBean(new PathBean(team.name(), path.pathId(), lookup), PathMXBean.class, true));
            }
        }
        return wanted;
    }

    private void register(ObjectName name, Object bean) {
        try {
            server.registerMBean(bean, name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("could not register MBean {}: {}", name, e.toString());
        }
    }

    private void unregister(ObjectName name) {
        registered.remove(name);
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException alreadyGone) {
            // someone else removed it: nothing left to do
        } catch (JMException e) {
            LOG.warn("could not unregister MBean {}: {}", name, e.toString());
        }
    }
}
