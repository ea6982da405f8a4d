package org.govdatasec.benchmarks;

import cn.hutool.core.util.DesensitizedUtil;
import java.util.concurrent.TimeUnit;
import org.govdatasec.masking.FieldRule;
import org.govdatasec.masking.Format;
import org.govdatasec.masking.Masker;
import org.govdatasec.masking.MaskingKey;
import org.govdatasec.masking.Strategy;
import org.govdatasec.masking.Validators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * sdk-masking beside Hutool's {@code DesensitizedUtil} (PI-5): partial masks of mobiles, ID numbers and
 * names (ours vs Hutool, same run), and keyed format-valid pseudonyms (HMAC-SM3). Single-threaded, one
 * value per operation, cycling through 1024 distinct values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MaskingBenchmark {
  private static final int N = 1024;
  private final String[] mobiles = new String[N];
  private final String[] ids = new String[N];
  private final String[] names = new String[N];
  private int i;
  private Masker masker;
  private final FieldRule maskMobile = FieldRule.builder(Format.MOBILE, Strategy.MASK).keep(3, 4).build();
  private final FieldRule maskId = FieldRule.builder(Format.RESIDENT_ID, Strategy.MASK).keep(1, 2).build();
  private final FieldRule maskName = FieldRule.builder(Format.NAME, Strategy.MASK).keep(1, 0).build();
  private final FieldRule pseudoId = FieldRule.builder(Format.RESIDENT_ID, Strategy.PSEUDONYMISE).keepBirthYear(true).build();
  private final FieldRule pseudoMobile = FieldRule.builder(Format.MOBILE, Strategy.PSEUDONYMISE).build();
  private final FieldRule pseudoName = FieldRule.builder(Format.NAME, Strategy.PSEUDONYMISE).build();

  /** Creates the state; JMH does this. */
  public MaskingBenchmark() {}

  /** Builds the inputs and the keyed masker. */
  @Setup
  public void setUp() {
    masker = Masker.keyed(MaskingKey.generate());
    String surnames = "王李张刘陈杨黄赵吴周";
    String given = "伟芳娜秀敏静丽强磊军";
    for (int k = 0; k < N; k++) {
      mobiles[k] = "139" + String.format("%08d", k * 7919);
      String body = "450103" + (1950 + k % 60) + String.format("%02d%02d", 1 + k % 12, 1 + k % 28) + String.format("%03d", k % 1000);
      ids[k] = body + Validators.residentIdCheckChar(body);
      names[k] = "" + surnames.charAt(k % 10) + given.charAt((k / 10) % 10) + given.charAt(k % 7);
    }
  }

  private int next() {
    i = (i + 1) & (N - 1);
    return i;
  }

  /** @return ours: mobile keep 3/4 */
  @Benchmark
  public String maskMobile_ours() {
    return masker.mask(mobiles[next()], maskMobile);
  }

  /** @return Hutool: mobile */
  @Benchmark
  public String maskMobile_hutool() {
    return DesensitizedUtil.mobilePhone(mobiles[next()]);
  }

  /** @return ours: ID number keep 1/2 (validated first) */
  @Benchmark
  public String maskId_ours() {
    return masker.mask(ids[next()], maskId);
  }

  /** @return Hutool: ID number front 1, end 2 (no validation) */
  @Benchmark
  public String maskId_hutool() {
    return DesensitizedUtil.idCardNum(ids[next()], 1, 2);
  }

  /** @return ours: name keep the first character */
  @Benchmark
  public String maskName_ours() {
    return masker.mask(names[next()], maskName);
  }

  /** @return Hutool: Chinese name */
  @Benchmark
  public String maskName_hutool() {
    return DesensitizedUtil.chineseName(names[next()]);
  }

  /** @return ours: keyed, format-valid ID pseudonym keeping the birth year */
  @Benchmark
  public String pseudonymiseId_ours() {
    return masker.mask(ids[next()], pseudoId);
  }

  /** @return ours: keyed mobile pseudonym with a real operator prefix */
  @Benchmark
  public String pseudonymiseMobile_ours() {
    return masker.mask(mobiles[next()], pseudoMobile);
  }

  /** @return ours: keyed Chinese name pseudonym */
  @Benchmark
  public String pseudonymiseName_ours() {
    return masker.mask(names[next()], pseudoName);
  }
}
