package org.govdatasec.core.policy.testing;

import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A test {@link System.LoggerFinder}, registered in {@code META-INF/services/java.lang.System$LoggerFinder}
 * of the test resources, that records every message of the {@value #CAPTURED} logger (the waiver warnings of
 * {@code ControlPolicy}, CLS-5) in a static, thread-safe list.
 *
 * <p>The JDK loads a LoggerFinder once per JVM, the first time any code asks for a {@code System.Logger},
 * so this finder serves every logger of the test JVM: the captured one stays quiet (a property test builds
 * hundreds of waived policies), every other logger prints WARNING and ERROR to standard error and drops the
 * rest. Records are never cleared, so that tests running in parallel cannot wipe each other's: a test finds
 * its own records by a token unique to it (for example the waiver's reference) with
 * {@link #containing(String...)}.
 */
public final class CapturingLoggerFinder extends System.LoggerFinder {

  /** The name of the captured logger. */
  public static final String CAPTURED = "org.govdatasec.policy";

  private static final Queue<Captured> RECORDS = new ConcurrentLinkedQueue<>();

  /**
   * One captured message.
   *
   * @param logger the logger's name
   * @param level the level it was logged at
   * @param message the message, with its parameters formatted in
   * @param thrown the throwable logged with it, or {@code null}
   */
  public record Captured(String logger, System.Logger.Level level, String message, Throwable thrown) {}

  /** Called by the JDK's service loader. */
  public CapturingLoggerFinder() {}

  /**
   * Tells whether the JDK actually uses this finder (it does unless another finder was registered first).
   *
   * @return true if captured messages will be recorded
   */
  public static boolean installed() {
    return System.LoggerFinder.getLoggerFinder() instanceof CapturingLoggerFinder;
  }

  /**
   * Returns every message captured so far, oldest first.
   *
   * @return a snapshot of the captured messages
   */
  public static List<Captured> records() {
    return List.copyOf(RECORDS);
  }

  /**
   * Returns the captured messages that contain every fragment.
   *
   * @param fragments the texts to look for, e.g. a control name and a token unique to the test
   * @return the matching messages, oldest first
   */
  public static List<Captured> containing(String... fragments) {
    return RECORDS.stream().filter(r -> Stream.of(fragments).allMatch(r.message()::contains))
        .collect(Collectors.toList());
  }

  @Override
  public System.Logger getLogger(String name, Module module) {
    Objects.requireNonNull(name, "name");
    return new TestLogger(name, CAPTURED.equals(name));
  }

  private static final class TestLogger implements System.Logger {
    private final String name;
    private final boolean capture;

    TestLogger(String name, boolean capture) {
      this.name = name;
      this.capture = capture;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isLoggable(Level level) {
      return level != Level.OFF && (capture || level.getSeverity() >= Level.WARNING.getSeverity());
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      record(level, localise(bundle, msg), thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      String pattern = localise(bundle, format);
      record(level, params == null || params.length == 0 ? pattern : new MessageFormat(pattern).format(params), null);
    }

    private static String localise(ResourceBundle bundle, String key) {
      return bundle != null && key != null && bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(key);
    }

    private void record(Level level, String message, Throwable thrown) {
      if (!isLoggable(level)) {
        return;
      }
      if (capture) {
        RECORDS.add(new Captured(name, level, message, thrown));
      } else {
        System.err.println(level + " " + name + ": " + message);
        if (thrown != null) {
          thrown.printStackTrace(System.err);
        }
      }
    }
  }
}
