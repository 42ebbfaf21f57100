package io.supplygraph.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What a bench child's memory looked like, in four views. The sum of each heap pool's peak is an upper bound
 * (pools peak at different moments); the most used after any GC is the live data the work really held; sampling
 * every 5 ms shows the heap between collections; the peak resident set ({@code VmHWM}) is what the machine gave
 * the JVM, heap, metaspace, thread stacks and native buffers (SQLite's page cache) all included.
 */
final class MemoryProbe {

    /** The line a child prints its report on, for the parent to find. */
    static final String LINE = "MEMORY ";

    private final AtomicLong liveAfterGc = new AtomicLong();
    private final AtomicLong sampled = new AtomicLong();
    private final Thread sampler;

    private MemoryProbe() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed).sum();
                    liveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                        Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
    }

    static MemoryProbe start() {
        return new MemoryProbe();
    }

    /** Stops sampling and prints the report line. */
    void report() {
        sampler.interrupt();
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(LINE + "sum of heap pool peaks %,.0f MB, sampled peak %,.0f MB, most live after a GC"
                        + " %,.0f MB (max heap %,.0f MB); peak RSS %s%n",
                Measurements.megabytes(poolPeaks), Measurements.megabytes(sampled.get()),
                Measurements.megabytes(liveAfterGc.get()), Measurements.megabytes(Runtime.getRuntime().maxMemory()),
                Measurements.peakRss());
    }
}
