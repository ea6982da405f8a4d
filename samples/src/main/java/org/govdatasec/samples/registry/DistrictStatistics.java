package org.govdatasec.samples.registry;

import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.classification.DataLevel;

/**
 * Population statistics of one district (区县人口统计), aggregated from the registry.
 *
 * <p>No personal information, yet important data (重要数据): the provincial catalog lists district-level
 * population aggregates as important, so the type carries that floor. Each field alone is graded lower
 * (some are published); the dataset is protected at its highest level (就高从严, CLS-2), and important data
 * is high-risk whatever the system's size (CLS-3).
 *
 * @param districtCode the administrative division code (行政区划代码), for example 450103
 * @param districtName the district's name, for example 青秀区
 * @param statisticsYear the year the figures are for
 * @param registeredPopulation the registered population (户籍人口)
 * @param ethnicMinorityPopulation the registered population of ethnic minorities (少数民族人口)
 * @param subsistenceRecipients the number of minimum-living-allowance recipients (低保对象人数)
 * @param disabledResidents the number of residents holding a disability certificate (持证残疾人数)
 */
@Classified(value = DataLevel.IMPORTANT, reason = "区县级人口汇总数据，依省级目录列为重要数据")
public record DistrictStatistics(
    @Classified(value = DataLevel.GENERAL, grade = 1, reason = "公开的行政区划代码") String districtCode,
    @Classified(value = DataLevel.GENERAL, grade = 1, reason = "公开的行政区划名称") String districtName,
    @Classified(value = DataLevel.GENERAL, grade = 1) int statisticsYear,
    @Classified(value = DataLevel.GENERAL, grade = 1, reason = "统计年鉴公开") long registeredPopulation,
    @Classified(value = DataLevel.GENERAL, grade = 3, reason = "未公开的单项指标") long ethnicMinorityPopulation,
    @Classified(value = DataLevel.GENERAL, grade = 3, reason = "未公开的单项指标") long subsistenceRecipients,
    @Classified(value = DataLevel.GENERAL, grade = 3, reason = "未公开的单项指标") long disabledResidents) {}
