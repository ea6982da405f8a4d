package org.govdatasec.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** CLS-5: a policy read from a stream (a classpath resource), and the waived rules it reports. */
class PolicyStreamLoadTest {

  private static ControlPolicy load(byte[] bytes) {
    return ControlPolicy.load(new ByteArrayInputStream(bytes), "test:policy");
  }

  @Test
  @DisplayName("CLS-5: UTF-8 overrides from a stream apply, Chinese waiver text intact, waived() lists the rule")
  void loadsFromStream() {
    String text = String.join("\n",
        "govdatasec.policy.control.TAMPER_EVIDENT_LOG =",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reason = 市政务云日志审计平台已提供防篡改存证",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.approved-by = 张三",
        "govdatasec.policy.waiver.TAMPER_EVIDENT_LOG.reference = 宁数安〔2026〕12号");
    ControlPolicy policy = load(text.getBytes(StandardCharsets.UTF_8));

    assertEquals("市政务云日志审计平台已提供防篡改存证", policy.waivers().get(0).reason());
    List<WaivedControl> waived = policy.waived();
    assertEquals(1, waived.size());
    assertEquals(Control.TAMPER_EVIDENT_LOG, waived.get(0).rule().control());
    assertEquals(Trigger.HIGH_RISK, waived.get(0).rule().trigger());
    assertTrue(policy.rules().stream().noneMatch(r -> r.control() == Control.TAMPER_EVIDENT_LOG));
  }

  @Test
  @DisplayName("GDS-POL-008: invalid UTF-8 is refused, not silently replaced")
  void invalidUtf8Refused() {
    byte[] bad = {'g', 'o', 'v', '=', (byte) 0xC3, (byte) 0x28};
    PolicyException e = assertThrows(PolicyException.class, () -> load(bad));
    assertEquals("GDS-POL-008", e.code());
    assertTrue(e.getMessage().contains("test:policy"), e.getMessage());
  }

  @Test
  @DisplayName("The default policy waives nothing")
  void defaultsWaiveNothing() {
    assertTrue(ControlPolicy.defaults().waived().isEmpty());
    assertTrue(ControlPolicy.defaults().waivers().isEmpty());
    assertFalse(ControlPolicy.defaults().toString().contains("1000000"), ControlPolicy.defaults().toString());
  }
}
