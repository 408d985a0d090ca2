package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.criterion.CriterionCatalogue;
import com.civilsafety.ledger.hazard.HazardImport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** 《隐患清单》 filled offline: the template to fill, and the upload that imports all of its rows or none. */
@RestController
@RequestMapping("/api/reports/hazard-import")
class HazardImportController {
    private final HazardImport hazardImport;
    private final CriterionCatalogue criteria;

    HazardImportController(HazardImport hazardImport, CriterionCatalogue criteria) {
        this.hazardImport = hazardImport;
        this.criteria = criteria;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<StreamingResponseBody> template() {
        return ReportController.attachment(ReportController.XLSX, "隐患清单导入模板.xlsx",
                out -> HazardImportWorkbook.template(criteria.list(null), out));
    }

    /** 201 with the new hazards' ids; 400 naming every bad row and column, nothing stored. */
    @PostMapping
    ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file,
                                               @AuthenticationPrincipal ActorUser user) throws IOException {
        List<HazardImport.Row> rows;
        try (InputStream in = file.getInputStream()) {
            rows = HazardImportWorkbook.read(in, file.getSize());
        }
        List<Long> ids = hazardImport.importAll(rows, user.actor());
        return ResponseEntity.status(201).body(Map.of("imported", ids.size(), "hazardIds", ids));
    }
}
