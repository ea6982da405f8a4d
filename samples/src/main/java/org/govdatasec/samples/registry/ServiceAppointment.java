package org.govdatasec.samples.registry;

import java.time.LocalDate;
import org.govdatasec.core.annotation.Classified;
import org.govdatasec.core.annotation.DataSubjectId;
import org.govdatasec.core.annotation.PersonalInfo;
import org.govdatasec.core.classification.DataLevel;
import org.govdatasec.core.classification.PiCategory;

/**
 * An appointment at the registry's service counter (办事预约).
 *
 * <p>It holds personal information that is not sensitive (a name and a mobile number), so under the
 * default policy it is {@code GENERAL-3}: the dataset on which an agency policy that encrypts from
 * {@code GENERAL-3} up makes a visible difference.
 *
 * @param appointmentNo the appointment number (预约编号)
 * @param citizenNo the citizen number of the person who booked, the data subject's identifier
 * @param contactName the name given for the appointment
 * @param contactMobile the mobile number the confirmation is sent to
 * @param serviceItem the public service item booked (办事事项), for example 户籍证明开具
 * @param appointmentDate the day of the appointment
 */
public record ServiceAppointment(
    @Classified(value = DataLevel.GENERAL, grade = 2, reason = "业务流水号") String appointmentNo,
    @DataSubjectId String citizenNo,
    @PersonalInfo(PiCategory.NAME) String contactName,
    @PersonalInfo(PiCategory.MOBILE) String contactMobile,
    @Classified(value = DataLevel.GENERAL, grade = 1, reason = "公开的政务服务事项") String serviceItem,
    @Classified(value = DataLevel.GENERAL, grade = 2, reason = "内部排班信息") LocalDate appointmentDate) {}
