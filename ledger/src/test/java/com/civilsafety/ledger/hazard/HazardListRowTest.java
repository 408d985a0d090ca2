package com.civilsafety.ledger.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 《清单》's 判定依据 column reads as words, never as the catalogue's item code. */
class HazardListRowTest {

    private static HazardListRow judgedBy(String code, String standard, String article, String text) {
        return new HazardListRow(1, "YH2026-000001", "城关镇", "安澜县社会福利中心", null, "二楼消防通道堆放杂物", null,
                code, standard, article, text, null, null, null, null, null, null, null, null, null, null, null,
                null, null, false, null);
    }

    @Test
    void aGeneralItemIsItsWords() {
        assertThat(judgedBy("GEN-FIRE", "一般隐患", "—", "消防方面的一般隐患（不构成重大事故隐患）").criterion())
                .isEqualTo("消防方面的一般隐患（不构成重大事故隐患）");
    }

    @Test
    void aMajorItemNamesItsStandardAndArticle() {
        assertThat(judgedBy("MAJ-01", "养老机构重大事故隐患判定标准", "第四条", "建筑被鉴定为C级或D级危房").criterion())
                .isEqualTo("建筑被鉴定为C级或D级危房（养老机构重大事故隐患判定标准 第四条）")
                .doesNotContain("MAJ-01");
    }

    @Test
    void noCriterionIsBlank() {
        assertThat(judgedBy(null, null, null, null).criterion()).isEmpty();
    }
}
