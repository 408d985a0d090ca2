package com.civilsafety.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark process's memory now: the heap in use after full collections, and the resident set (heap, RocksDB, code). */
record Memory(long heapMb, long rssMb) {

    static Memory now() throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
        return new Memory((runtime.totalMemory() - runtime.freeMemory()) >> 20, rss);
    }

    /**
     * Runs a benchmark that starts the platform, and ends the process: the engine's and the client's threads are not
     * all daemons, and a failure must end the run rather than leave it waiting on them.
     */
    static void runThenExit(BenchmarkBody body) {
        try {
            body.run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    interface BenchmarkBody {
        void run() throws Exception;
    }
}
