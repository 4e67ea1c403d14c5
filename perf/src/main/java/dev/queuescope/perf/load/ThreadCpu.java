package dev.queuescope.perf.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the generator's event-loop thread, which does all of the generator's work (scheduling,
 * encoding, socket I/O, recording). GC and JIT threads are not included.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long threadId;

    ThreadCpu(long threadId) {
        this.threadId = threadId;
    }

    /** Nanoseconds of CPU so far, or -1 when the JVM cannot measure per-thread CPU. */
    long nanos() {
        return threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : -1;
    }
}
