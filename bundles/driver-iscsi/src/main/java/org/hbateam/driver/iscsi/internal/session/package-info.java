/**
 * A logged-in session's life and its full feature phase: the runner that logs in again after a failure and proves
 * dead sessions gone, and the asynchronous command core of each connection (tasks and their table, the CmdSN window,
 * the reader and writer threads, NOP-Out keep-alive, task management and connection fencing).
 */
package org.hbateam.driver.iscsi.internal.session;
