package org.convergence.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heap of this process as the garbage collector leaves it, to judge whether a load leaves memory flat: after a full
 * collection when the load starts and when it ends, and in between, every few seconds, the heap after the latest
 * collection (whatever it was). Raw heap use would mostly show garbage not yet collected. Used by one thread, the
 * sampler's own apart.
 */
final class HeapSampler {
    private static final Duration EVERY = Duration.ofSeconds(5);
    private static final double MB = 1024.0 * 1024.0;

    private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
    private long startBytes;
    private long endBytes;
    private Thread sampler;

    void start() {
        startBytes = afterFullCollection();
        sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            try {
                while (true) {
                    Thread.sleep(EVERY);
                    samples.add(afterLatestCollection());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    void stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        endBytes = afterFullCollection();
    }

    /** One line: the heap at the start and the end, and the samples in between, in MB. */
    String summary() {
        List<Long> taken = List.copyOf(samples);
        String between = taken.isEmpty() ? "none (the load was shorter than " + EVERY.toSeconds() + " s)"
                : "%.0f–%.0f [%s]".formatted(Collections.min(taken) / MB, Collections.max(taken) / MB,
                        taken.stream().map(bytes -> String.format(Locale.ROOT, "%.0f", bytes / MB)).collect(Collectors.joining(" ")));
        return String.format(Locale.ROOT, "heap of this process (server and clients) after a full collection: %.0f MB at the start, %.0f MB at the end "
                + "(%+.0f MB); after the latest collection, every %d s: %s MB; largest heap %.0f MB", startBytes / MB, endBytes / MB,
                (endBytes - startBytes) / MB, EVERY.toSeconds(), between, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB);
    }

    private static long afterFullCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The heap's pools summed as the most recent collection left them; the heap in use when none has run. */
    private static long afterLatestCollection() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(com.sun.management.GarbageCollectorMXBean.class::isInstance)
                .map(collector -> ((com.sun.management.GarbageCollectorMXBean) collector).getLastGcInfo())
                .filter(info -> info != null)
                .max((a, b) -> Long.compare(a.getEndTime(), b.getEndTime()))
                .map(info -> info.getMemoryUsageAfterGc().entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum())
                .orElseGet(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
}
