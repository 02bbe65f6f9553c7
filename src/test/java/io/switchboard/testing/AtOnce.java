package io.switchboard.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Calls made at the same moment, each on a thread of its own, held at a barrier until every one is ready. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Makes {@code count} calls together ({@code call} is given 0 to count - 1) and returns their results in order. */
    public static <T> List<T> call(int count, IntFunction<T> call) {
        CyclicBarrier together = new CyclicBarrier(count);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            return IntStream.range(0, count)
                    .mapToObj(index -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return call.apply(index);
                    }, threads))
                    .toList().stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
