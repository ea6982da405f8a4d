package org.govdatasec.samples.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Simulated data for the scenario (USE-5: demos use simulated data).
 *
 * <p>Every person, number and figure here is fictional. The resident ID numbers have the right shape
 * (area code of a Nanning district, date of birth, a sequence number whose parity gives the sex) and a
 * correct GB 11643 check digit, so that validation, masking and age checks behave as on real data; the
 * mobile numbers are in the well-known {@code 13800138xxx} test range; the bank card number passes the
 * Luhn check. Any resemblance to a real person is coincidental.
 *
 * <p>The three citizens form one household: 黄志强 (head), his wife 李秀兰 and their son 黄思远, born 2016,
 * a child under 14.
 */
public final class SampleData {

  private static final String HOME = "广西壮族自治区南宁市青秀区东葛路118号5栋2单元602室";

  /** 黄志强: head of household, born 1982 in 青秀区, 壮族. */
  public static final Citizen HUANG_ZHIQIANG = new Citizen("NN-0000001", "黄志强", "450103198203150311",
      "13800138001", HOME, LocalDate.of(1982, 3, 15), "壮族", "户主");

  /** 李秀兰: his wife, born 1985 in 兴宁区, 汉族. */
  public static final Citizen LI_XIULAN = new Citizen("NN-0000002", "李秀兰", "450102198507220466",
      "13800138002", HOME, LocalDate.of(1985, 7, 22), "汉族", "2019年由兴宁区迁入");

  /** 黄思远: their son, born 2016, a child under 14 (PI-3). */
  public static final Citizen HUANG_SIYUAN = new Citizen("NN-0000003", "黄思远", "450103201611020174",
      "13800138003", HOME, LocalDate.of(2016, 11, 2), "壮族", "随父落户；号码为儿童手表");

  private SampleData() {}

  /**
   * Returns the three sample citizens.
   *
   * @return 黄志强, 李秀兰 and 黄思远, in that order
   */
  public static List<Citizen> citizens() {
    return List.of(HUANG_ZHIQIANG, LI_XIULAN, HUANG_SIYUAN);
  }

  /**
   * Returns their household, headed by 黄志强.
   *
   * @return the household
   */
  public static Household household() {
    return new Household("H450103000123", HUANG_ZHIQIANG.citizenNo(), HOME, HUANG_ZHIQIANG,
        List.of(LI_XIULAN, HUANG_SIYUAN), "居民家庭户口");
  }

  /**
   * Returns 黄志强's application for the minimum living allowance, which mentions his son's health.
   *
   * @return the application
   */
  public static Application application() {
    return new Application("DB-2024-000057", HUANG_ZHIQIANG.citizenNo(), HUANG_ZHIQIANG.name(),
        "6217003120004567894", new BigDecimal("1850.00"), "肢体残疾三级（残疾人证已核验）",
        "子女黄思远：支气管哮喘，需长期用药", ApplicationStatus.UNDER_REVIEW);
  }

  /**
   * Returns 李秀兰's appointment at the service counter.
   *
   * @return the appointment
   */
  public static ServiceAppointment appointment() {
    return new ServiceAppointment("YY-2024-003318", LI_XIULAN.citizenNo(), LI_XIULAN.name(), LI_XIULAN.mobile(),
        "户籍证明开具", LocalDate.of(2024, 6, 18));
  }

  /**
   * Returns fictional 2023 population statistics of two Nanning districts.
   *
   * @return the statistics of 青秀区 and 兴宁区
   */
  public static List<DistrictStatistics> districtStatistics() {
    return List.of(
        new DistrictStatistics("450103", "青秀区", 2023, 745_210L, 402_118L, 3_126L, 18_904L),
        new DistrictStatistics("450102", "兴宁区", 2023, 468_530L, 251_472L, 2_487L, 12_366L));
  }
}
