package org.policygraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and its load, printed next to every result (the machine is shared). */
final class Machine {

    private Machine() {}

    static String describe() {
        return String.format("machine: %d cores, %s, %s, Java %s, max heap %d MiB, load %s",
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("os.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return line.substring(6).strip();
            }
        } catch (IOException e) {
            // not Linux
        }
        return "?";
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
