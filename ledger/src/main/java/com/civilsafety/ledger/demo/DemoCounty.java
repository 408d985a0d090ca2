package com.civilsafety.ledger.demo;

import com.civilsafety.ledger.institution.InstitutionType;
import java.util.List;

/**
 * A fictional county (江南省云溪市安澜县) with its townships and institutions. Codes start with 99 so they can
 * never clash with a real administrative division code.
 */
final class DemoCounty {
    record Township(String code, String name, String officer) {
    }

    record Place(String name, InstitutionType type, int capacity) {
    }

    static final String PROVINCE_CODE = "990000";
    static final String PROVINCE = "江南省";
    static final String CITY_CODE = "990100";
    static final String CITY = "云溪市";
    static final String COUNTY_CODE = "990121";
    static final String COUNTY = "安澜县";

    static final List<Township> TOWNSHIPS = List.of(
            new Township("990121100", "城关镇", "周敏"),
            new Township("990121101", "东山镇", "吴建华"),
            new Township("990121102", "西河镇", "郑丽"),
            new Township("990121103", "南岭乡", "王海涛"),
            new Township("990121104", "北湖镇", "冯雪"),
            new Township("990121105", "桃源乡", "陈志强"),
            new Township("990121106", "石桥镇", "褚晓燕"),
            new Township("990121107", "青松乡", "卫国庆"));

    /** Per township (same order as {@link #TOWNSHIPS}): its institutions. */
    static final List<List<Place>> PLACES = List.of(
            List.of(new Place("安澜县社会福利中心", InstitutionType.ELDERLY_CARE, 220),
                    new Place("安澜县儿童福利院", InstitutionType.CHILD_WELFARE, 60),
                    new Place("安澜县未成年人救助保护中心", InstitutionType.MINOR_PROTECTION, 30),
                    new Place("安澜县救助管理站", InstitutionType.RELIEF_MANAGEMENT, 40),
                    new Place("安澜县婚姻登记处", InstitutionType.MARRIAGE_REGISTRATION, 0),
                    new Place("安澜县殡仪馆", InstitutionType.FUNERAL, 0),
                    new Place("城关镇敬老院", InstitutionType.ELDERLY_CARE, 80),
                    new Place("康宁颐养院", InstitutionType.ELDERLY_CARE, 150),
                    new Place("福寿康养中心", InstitutionType.ELDERLY_CARE, 120),
                    new Place("城关社区日间照料中心", InstitutionType.ELDERLY_CARE, 30)),
            List.of(new Place("东山镇敬老院", InstitutionType.ELDERLY_CARE, 60),
                    new Place("东山松鹤养老院", InstitutionType.ELDERLY_CARE, 90),
                    new Place("东山镇公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("东山镇居家养老服务站", InstitutionType.ELDERLY_CARE, 20),
                    new Place("东山夕阳红托养中心", InstitutionType.ELDERLY_CARE, 45),
                    new Place("东山镇儿童之家", InstitutionType.MINOR_PROTECTION, 15),
                    new Place("东山镇救助服务点", InstitutionType.RELIEF_MANAGEMENT, 10)),
            List.of(new Place("西河镇敬老院", InstitutionType.ELDERLY_CARE, 70),
                    new Place("西河安康养老公寓", InstitutionType.ELDERLY_CARE, 110),
                    new Place("西河镇公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("西河医养结合中心", InstitutionType.ELDERLY_CARE, 130),
                    new Place("西河镇农村幸福院", InstitutionType.ELDERLY_CARE, 25),
                    new Place("西河镇殡葬服务站", InstitutionType.FUNERAL, 0),
                    new Place("西河镇未成年人保护工作站", InstitutionType.MINOR_PROTECTION, 10)),
            List.of(new Place("南岭乡敬老院", InstitutionType.ELDERLY_CARE, 50),
                    new Place("南岭颐和养老院", InstitutionType.ELDERLY_CARE, 70),
                    new Place("南岭乡公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("南岭乡农村幸福院", InstitutionType.ELDERLY_CARE, 20),
                    new Place("南岭乡救助服务点", InstitutionType.RELIEF_MANAGEMENT, 8),
                    new Place("南岭乡儿童关爱之家", InstitutionType.CHILD_WELFARE, 12),
                    new Place("南岭山居康养中心", InstitutionType.ELDERLY_CARE, 60)),
            List.of(new Place("北湖镇敬老院", InstitutionType.ELDERLY_CARE, 65),
                    new Place("北湖湖畔养老院", InstitutionType.ELDERLY_CARE, 100),
                    new Place("北湖镇公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("北湖镇婚姻登记便民服务点", InstitutionType.MARRIAGE_REGISTRATION, 0),
                    new Place("北湖镇农村幸福院", InstitutionType.ELDERLY_CARE, 25),
                    new Place("北湖康乐护理院", InstitutionType.ELDERLY_CARE, 85),
                    new Place("北湖镇未成年人保护工作站", InstitutionType.MINOR_PROTECTION, 10)),
            List.of(new Place("桃源乡敬老院", InstitutionType.ELDERLY_CARE, 45),
                    new Place("桃源福康养老院", InstitutionType.ELDERLY_CARE, 60),
                    new Place("桃源乡公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("桃源乡农村幸福院", InstitutionType.ELDERLY_CARE, 18),
                    new Place("桃源乡救助服务点", InstitutionType.RELIEF_MANAGEMENT, 6),
                    new Place("桃源颐乐园", InstitutionType.ELDERLY_CARE, 40),
                    new Place("桃源乡儿童之家", InstitutionType.CHILD_WELFARE, 10)),
            List.of(new Place("石桥镇敬老院", InstitutionType.ELDERLY_CARE, 55),
                    new Place("石桥仁和养老院", InstitutionType.ELDERLY_CARE, 95),
                    new Place("石桥镇公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("石桥镇农村幸福院", InstitutionType.ELDERLY_CARE, 22),
                    new Place("石桥镇殡葬服务站", InstitutionType.FUNERAL, 0),
                    new Place("石桥镇未成年人保护工作站", InstitutionType.MINOR_PROTECTION, 8),
                    new Place("石桥长青护理院", InstitutionType.ELDERLY_CARE, 75)),
            List.of(new Place("青松乡敬老院", InstitutionType.ELDERLY_CARE, 40),
                    new Place("青松康寿养老院", InstitutionType.ELDERLY_CARE, 55),
                    new Place("青松乡公益性公墓", InstitutionType.FUNERAL, 0),
                    new Place("青松乡农村幸福院", InstitutionType.ELDERLY_CARE, 16),
                    new Place("青松乡救助服务点", InstitutionType.RELIEF_MANAGEMENT, 6),
                    new Place("青松乡婚姻登记便民服务点", InstitutionType.MARRIAGE_REGISTRATION, 0),
                    new Place("青松山庄养老院", InstitutionType.ELDERLY_CARE, 50)));

    /** County staff: username, name, role code (and a section's person, the section: 股室). */
    static final List<List<String>> COUNTY_STAFF = List.of(
            List.of("admin", "李管理", "bureau-admin"),
            List.of("fuli", "张福利", "bureau-section", "福利股"),
            List.of("shishi", "刘社事", "bureau-section", "社会事务股"),
            List.of("leader", "赵局长", "leader"),
            List.of("leader2", "孙副局长", "leader"),
            List.of("inspector1", "钱检查", "inspector"),
            List.of("inspector2", "何专家", "inspector"),
            List.of("inspector3", "吕评估", "inspector"),
            List.of("inspector4", "施执法", "inspector"));

    /**
     * Engaged from outside the bureau, county-wide: username, name, role code, the body they act for. The third party
     * accepts the county's major hazards (第三方评估验收); the expert diagnoses (专家诊断).
     */
    static final List<List<String>> ENGAGED = List.of(
            List.of("expert1", "冯专家", "expert", "安澜县安全生产专家库"),
            List.of("thirdparty1", "韩评估", "third-party", "江南安泰安全技术服务有限公司"));

    static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周");
    static final List<String> GIVEN = List.of("建国", "秀英", "志明", "丽华", "国强", "桂兰", "伟", "芳", "军", "敏");

    private DemoCounty() {
    }
}
