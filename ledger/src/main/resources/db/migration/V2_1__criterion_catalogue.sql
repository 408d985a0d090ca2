-- Vendor-neutral data migration (runs on H2, MySQL and MariaDB alike).
-- Seed: the items of the elderly-care standard that could be verified (articles 4 and 5, paraphrased; the official
-- wording governs), and one general (一般隐患) item per category for every institution type. Further items are added
-- as data by administrators.
insert into hazard_criterion (code, standard, article, institution_type, category, text, major, active) values
    ('YL-4-1', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第四条第（一）项', 'ELDERLY_CARE', 'BUILDING', '建筑被鉴定为C级或D级危房，或住建部门研判认定建筑安全存在重大隐患', true, true),
    ('YL-4-2', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第四条第（二）项', 'ELDERLY_CARE', 'FIRE', '经住建、消防部门检查或第三方评估，建筑防火设计或消防、电气、燃气设施设备不符合法规和强制性标准，不具备消防安全技术条件', true, true),
    ('YL-4-3', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第四条第（三）项', 'ELDERLY_CARE', 'FIRE', '违规用易燃可燃芯材彩钢板搭建有人活动的建筑，或大量使用易燃可燃材料装修装饰', true, true),
    ('YL-4-4', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第四条第（四）项', 'ELDERLY_CARE', 'SPECIAL_EQUIPMENT', '使用无生产许可、未经检验或检验不合格、国家明令淘汰或已报废的电梯、锅炉、氧气管道等特种设备', true, true),
    ('YL-5-1', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第五条第（一）项', 'ELDERLY_CARE', 'MEDICAL', '内设医疗机构未依法取得医疗机构执业许可证或未依法备案', true, true),
    ('YL-5-2', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第五条第（二）项', 'ELDERLY_CARE', 'FOOD', '内设食堂未依法取得食品经营许可证', true, true),
    ('YL-5-3', '养老机构重大事故隐患判定标准（民政部办公厅，2023-11-27）', '第五条第（三）项', 'ELDERLY_CARE', 'SPECIAL_EQUIPMENT', '由不具备相应资格的人员从事特种设备安全管理、检测等工作', true, true),
    ('GEN-BUILDING', '一般隐患', '—', null, 'BUILDING', '房屋建筑方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-FIRE', '一般隐患', '—', null, 'FIRE', '消防方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-ELECTRICAL', '一般隐患', '—', null, 'ELECTRICAL', '电气方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-GAS', '一般隐患', '—', null, 'GAS', '燃气方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-SPECIAL_EQUIPMENT', '一般隐患', '—', null, 'SPECIAL_EQUIPMENT', '特种设备方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-FOOD', '一般隐患', '—', null, 'FOOD', '食品方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-MEDICAL', '一般隐患', '—', null, 'MEDICAL', '医疗方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-QUALIFICATION', '一般隐患', '—', null, 'QUALIFICATION', '资质方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-DAILY_MANAGEMENT', '一般隐患', '—', null, 'DAILY_MANAGEMENT', '日常管理方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-SERVICE_SAFETY', '一般隐患', '—', null, 'SERVICE_SAFETY', '服务安全方面的一般隐患（不构成重大事故隐患）', false, true),
    ('GEN-OTHER', '一般隐患', '—', null, 'OTHER', '其他方面的一般隐患（不构成重大事故隐患）', false, true);
