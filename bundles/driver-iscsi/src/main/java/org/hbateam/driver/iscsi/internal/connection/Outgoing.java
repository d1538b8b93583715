package org.hbateam.driver.iscsi.internal.connection;

/**
 * Something the connection's writer thread sends: a {@link org.hbateam.driver.iscsi.internal.session.Task} (its command, or the Data-Out answering an
 * R2T) or a {@link ControlPdu}. The link makes the writer's queue intrusive, so queueing a command allocates
 * nothing.
 */
public abstract class Outgoing {
    /**
     * The next item in the writer's queue. A pusher sets it before the compare-and-set that publishes the item;
     * the writer reads it once, right after taking the batch and before it sends anything of this item, so an
     * item may be queued again (a task answering its R2T) once its previous turn has begun.
     */
    public Outgoing next;
}
