package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.ledger.criterion.CriterionCatalogue;
import com.civilsafety.ledger.hazard.HazardImport;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * 《隐患清单》 filled offline: the template to fill, and the upload that imports its rows (each answered on its own).
 * Reading a file is bounded in memory and in number ({@link SheetUploads}).
 */
@RestController
@RequestMapping("/api/reports/hazard-import")
class HazardImportController {
    private final HazardImport hazardImport;
    private final CriterionCatalogue criteria;
    private final SheetUploads uploads;

    HazardImportController(HazardImport hazardImport, CriterionCatalogue criteria, SheetUploads uploads) {
        this.hazardImport = hazardImport;
        this.criteria = criteria;
        this.uploads = uploads;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<StreamingResponseBody> template() {
        return ReportController.attachment(ReportController.XLSX, "隐患清单导入模板.xlsx",
                out -> HazardImportWorkbook.template(criteria.list(null), out));
    }

    /**
     * Each row answered: imported, already on the books, or refused with its problems. 201 when something was imported,
     * 200 when every row was already there; 400 (naming every bad row and column) when nothing was imported and some
     * rows were refused.
     */
    @PostMapping
    ResponseEntity<SheetImport.Result<HazardImport.RowResult>> upload(@RequestParam("file") MultipartFile file,
                                               @AuthenticationPrincipal ActorUser user) throws IOException, InterruptedException {
        SheetImport.Result<HazardImport.RowResult> result = uploads.importRows(file, HazardImportWorkbook.LAYOUT, rows -> hazardImport.importAll(rows, user.actor()));
        return ResponseEntity.status(result.created() > 0 ? 201 : 200).body(result);
    }
}
