package org.govdatasec.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

  @Test
  void countsChineseCharactersAsTwoColumns() {
    assertEquals(4, TextWrap.width("ab"  + "中"));
    assertEquals(10, TextWrap.width("一般数据（4级）".substring(0, 5)));
  }

  @Test
  void leavesShortLinesAlone() {
    assertEquals(List.of("  short line"), TextWrap.wrap("  short line", 20));
  }

  @Test
  void wrapsAtSpacesWithADeeperIndent() {
    List<String> lines = TextWrap.wrap("  alpha beta gamma delta epsilon", 16);
    assertEquals(List.of("  alpha beta", "      gamma", "      delta", "      epsilon"), lines);
  }

  @Test
  void wrapsChineseBetweenCharactersButNotBeforeClosingPunctuation() {
    String line = "reason: 本系统仅接入电子政务外网，无互联网出口；以网络边界隔离替代应用层出境管控";
    List<String> lines = TextWrap.wrap(line, 30);
    lines.forEach(l -> assertTrue(TextWrap.width(l) <= 30, l));
    lines.forEach(l -> assertTrue(!l.strip().startsWith("，") && !l.strip().startsWith("；"), l));
    assertEquals(line.replace(" ", ""), String.join("", lines).replace(" ", ""));
  }
}
