package dev.queuescope.perf.flame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Collapsed stacks ({@code "root;caller;callee" -> samples}, the flame graph format) of one kind of
 * sample in a JFR file: async-profiler's profile.jfr, or any recording with {@code jdk.ExecutionSample}.
 * Read with the JDK's own JFR parser so that a filter can see everything an event carries.
 */
public final class CollapsedStacks {

    /** Frame types of Java methods; C++, native and kernel frames are named by their symbol alone. */
    private static final Set<String> JAVA_FRAMES = Set.of("Interpreted", "JIT compiled", "Inlined", "C1 compiled");
    /** Hidden classes (lambdas, method handles) get a new address every JVM start; two runs must agree on names. */
    private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x\\p{XDigit}+");
    /** The class an allocation or lock sample is about: async-profiler shows it as the top frame, and so do we. */
    private static final List<String> SUBJECT_CLASS_FIELDS = List.of("objectClass", "monitorClass", "parkedClass");

    private CollapsedStacks() {
    }

    /**
     * The stacks of {@code mode}'s samples that {@code filter} keeps. The filter sees the whole event:
     * {@link RecordedEvent#getStartTime()} for time windows, {@link #thread(RecordedEvent)} for threads.
     */
    public static Map<String, Long> read(Path jfr, ProfileMode mode, Predicate<RecordedEvent> filter)
            throws IOException {
        Map<String, Long> stacks = new HashMap<>();
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (mode.eventTypes().contains(event.getEventType().getName()) && event.getStackTrace() != null
                        && filter.test(event)) {
                    stacks.merge(collapse(event), weight(event), Long::sum);
                }
            }
        }
        return stacks;
    }

    /**
     * The thread a sample was taken of: CPU and wall samples name it {@code sampledThread}, allocation
     * and lock events carry it as their {@code eventThread}.
     */
    public static @Nullable RecordedThread thread(RecordedEvent event) {
        return event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
    }

    private static String collapse(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        List<RecordedFrame> frames = trace.getFrames();
        StringBuilder stack = new StringBuilder(64 * frames.size());
        // JFR lists the innermost frame first; collapsed stacks start at the root.
        for (int i = frames.size() - 1; i >= 0; i--) {
            stack.append(name(frames.get(i))).append(';');
        }
        String subject = subjectClass(event);
        if (subject != null) {
            stack.append(subject).append(';');
        }
        return stack.substring(0, Math.max(0, stack.length() - 1));
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "[unknown]";
        }
        String name = JAVA_FRAMES.contains(frame.getType())
                ? method.getType().getName() + "." + method.getName()
                : method.getName();
        return HIDDEN_CLASS_ADDRESS.matcher(name).replaceAll("");
    }

    private static @Nullable String subjectClass(RecordedEvent event) {
        for (String field : SUBJECT_CLASS_FIELDS) {
            if (event.hasField(field)) {
                RecordedClass type = event.getClass(field);
                return type == null ? null : HIDDEN_CLASS_ADDRESS.matcher(type.getName()).replaceAll("");
            }
        }
        return null;
    }

    /** async-profiler folds wall-clock samples of an idle thread into one event with a {@code samples} count. */
    private static long weight(RecordedEvent event) {
        return event.hasField("samples") ? event.getLong("samples") : 1;
    }
}
