package org.convergence.lists.aspi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names as the ASPI tracker writes them, taken from its entries. */
class TrackerNameTest {

    @Test
    void englishNameThenChineseNameInParentheses() {
        TrackerName name = TrackerName.parse("Harbin Institute of Technology (哈尔滨工业大学)");

        assertThat(name.english()).isEqualTo("Harbin Institute of Technology");
        assertThat(name.chinese()).containsExactly("哈尔滨工业大学");
        assertThat(name.names()).containsExactly("Harbin Institute of Technology", "哈尔滨工业大学");
    }

    @Test
    void fullWidthUnclosedAndUnspacedParenthesesAlike() {
        assertThat(TrackerName.parse("Laboratory of High Power Microwave Technology（高功率微波技术国防科技重点实验室）").names())
                .containsExactly("Laboratory of High Power Microwave Technology", "高功率微波技术国防科技重点实验室");
        assertThat(TrackerName.parse("Artificial Intelligence Research Center (人工智能研究中心").names())
                .containsExactly("Artificial Intelligence Research Center", "人工智能研究中心");
        assertThat(TrackerName.parse("State Key Laboratory of Trauma, Burns and Combined Injury(创伤、烧伤与复合伤国家重点实验室)").english())
                .isEqualTo("State Key Laboratory of Trauma, Burns and Combined Injury");
        assertThat(TrackerName.parse("Military Key Laboratory of Radar Armament and Utilization (雷达兵器运用军队重点实验室)\n").chinese())
                .containsExactly("雷达兵器运用军队重点实验室");
    }

    @Test
    void parenthesesInsideEitherNameStay() {
        TrackerName name = TrackerName.parse("Key Laboratory of Advanced Special Materials and New Preparation and Processing Technology "
                + "(Ministry of Education) (先进特种材料及制备加工新技术教育部重点实验室（B类）)");

        assertThat(name.english()).isEqualTo("Key Laboratory of Advanced Special Materials and New Preparation and Processing Technology "
                + "(Ministry of Education)");
        assertThat(name.chinese()).containsExactly("先进特种材料及制备加工新技术教育部重点实验室（B类）");
        assertThat(TrackerName.parse("Shandong University, Weihai (山东大学（威海）)").chinese()).containsExactly("山东大学（威海）");
    }

    @Test
    void severalChineseNamesAreSeparateButASlashInsideANameIsNot() {
        assertThat(TrackerName.parse("State Key Laboratory of Vehicle Transmission (车辆传动国防科技重点实验室/车辆传动国家级重点实验室)").chinese())
                .containsExactly("车辆传动国防科技重点实验室", "车辆传动国家级重点实验室");
        assertThat(TrackerName.parse("National Key Laboratory of Science and Technology on Micro/Nano Fabrication "
                + "(微米/纳米加工技术国家级重点实验室 or 微米纳米加工技术国防科技重点实验室)").chinese())
                .containsExactly("微米/纳米加工技术国家级重点实验室", "微米纳米加工技术国防科技重点实验室");
        assertThat(TrackerName.parse("Key Laboratory of the Ministry of Education Space Robotics "
                + "(空间机器人技术教育部重点实验室 (B类)/ 空间机器人技术教育部国防重点实验室)").chinese())
                .containsExactly("空间机器人技术教育部重点实验室 (B类)", "空间机器人技术教育部国防重点实验室");
    }

    @Test
    void aNameInOneScriptOnly() {
        assertThat(TrackerName.parse("西安电子科大金讯科技有限责任公司").names()).containsExactly("西安电子科大金讯科技有限责任公司");
        assertThat(TrackerName.parse("西安电子科大金讯科技有限责任公司").english()).isNull();
        assertThat(TrackerName.parse("FACC AG (Austria)").names()).as("a place in parentheses is part of the name").containsExactly("FACC AG (Austria)");
    }

    @Test
    void agencyGivesItsShortFormInParentheses() {
        TrackerName agency = TrackerName.parseAgency("State Administration for Science, Technology and Industry for National Defense (SASTIND)");

        assertThat(agency.english()).isEqualTo("State Administration for Science, Technology and Industry for National Defense");
        assertThat(agency.abbreviations()).containsExactly("SASTIND");
        assertThat(TrackerName.parseAgency("PLA Air Force").abbreviations()).isEmpty();
    }

    @Test
    void keyIgnoresCaseSpacingAndPunctuation() {
        assertThat(TrackerName.parse("Xi’an  Technological University (西安工业大学)").key())
                .isEqualTo(TrackerName.parse("xi'an technological university").key())
                .isEqualTo("xi an technological university");
        assertThat(TrackerName.parse("国家超级计算长沙中心").key()).isEqualTo("国家超级计算长沙中心");
    }
}
