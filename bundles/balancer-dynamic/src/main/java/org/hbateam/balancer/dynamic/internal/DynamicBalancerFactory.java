package org.hbateam.balancer.dynamic.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.hbateam.api.balancer.Balancer;
import org.hbateam.api.balancer.BalancerFactory;
import org.hbateam.api.balancer.TeamView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the patent's dynamic balancing (FIG. 5) under policy {@code dynamic}. Owns the one timer of the
 * component ([0029]): a single scheduled thread that ticks every live team balancer each TimerInterval, and
 * that stops when the component deactivates.
 */
@Component(service = BalancerFactory.class, configurationPid = DynamicBalancerFactory.PID,
    property = BalancerFactory.POLICY + "=" + DynamicBalancerFactory.POLICY)
@Designate(ocd = DynamicConfiguration.class)
public final class DynamicBalancerFactory implements BalancerFactory {
    /** The configuration PID of the global parameters. */
    public static final String PID = "org.hbateam.balancer.dynamic";
    /** The policy name this factory is registered under. */
    public static final String POLICY = "dynamic";

    private static final Logger LOG = LoggerFactory.getLogger(DynamicBalancerFactory.class);
    private static final long STOP_WAIT_MS = 5_000L;

    private final Set<DynamicBalancer> balancers = ConcurrentHashMap.newKeySet();
    private final TimerThreads threads = new TimerThreads();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, threads);
    private final AtomicReference<ScheduledFuture<?>> ticking = new AtomicReference<>();
    private volatile DynamicSettings parameters;

    /** Starts the timer with the configured parameters, or the defaults if they are invalid. */
    @Activate
    public DynamicBalancerFactory(DynamicConfiguration config) {
        this(validOr(config, DynamicSettings.DEFAULTS));
    }

    /** Starts the timer with {@code settings}, as harnesses and tests build it; {@link #deactivate()} stops it. */
    public DynamicBalancerFactory(DynamicSettings settings) {
        parameters = settings;
        timer.setRemoveOnCancelPolicy(true); // a rescheduled timer leaves no dead task behind
        schedule(parameters.timerIntervalMs());
    }

    /** Applies new parameters; invalid ones are logged with their key and the previous stay in force. */
    @Modified
    void modified(DynamicConfiguration config) {
        DynamicSettings previous = parameters;
        DynamicSettings next = validOr(config, previous);
        parameters = next;
        if (next.timerIntervalMs() != previous.timerIntervalMs()) {
            schedule(next.timerIntervalMs());
        }
    }

    /** Stops the timer and waits for its thread to end, so nothing outlives the component. */
    @Deactivate
    public void deactivate() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS) || !threads.awaitGone(STOP_WAIT_MS)) {
                LOG.warn("The dynamic balancer's timer did not stop within {} ms", STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        balancers.clear();
    }

    /** A new dynamic balancer for {@code team}, starting from its current paths; never blocks; it joins the component's timer until closed. */
    @Override
    public Balancer create(TeamView team) {
        DynamicBalancer balancer = new DynamicBalancer(team, balancers::remove);
        balancers.add(balancer);
        return balancer;
    }

    /** The parameters in force. */
    DynamicSettings parameters() {
        return parameters;
    }

    /** True once the timer has stopped and its thread has ended. */
    boolean timerStopped() {
        return timer.isTerminated() && threads.noneAlive();
    }

    /** Runs one tick over every live team balancer; one team's failure does not stop the others or the timer. */
    void tick() {
        DynamicSettings now = parameters;
        for (DynamicBalancer balancer : balancers) {
            try {
                balancer.tick(now);
            } catch (RuntimeException e) {
                LOG.warn("Dynamic balancing tick failed for one team; its shares stay as they were", e);
            }
        }
    }

    private void schedule(long intervalMs) {
        ScheduledFuture<?> next = timer.scheduleWithFixedDelay(this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = ticking.getAndSet(next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private static DynamicSettings validOr(DynamicConfiguration config, DynamicSettings fallback) {
        try {
            return DynamicSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Rejected configuration {}: {}; keeping {}", PID, e.getMessage(), fallback);
            return fallback;
        }
    }
}
