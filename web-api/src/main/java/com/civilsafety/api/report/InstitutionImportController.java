package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.SheetImport;
import com.civilsafety.ledger.institution.InstitutionImport;
import java.io.IOException;
import java.util.List;
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
 * The 机构台账 filled offline: the template to fill, and the upload that registers its rows (each answered on its own),
 * for those who keep the register — the county bureau, and a township officer for his township.
 */
@RestController
@RequestMapping("/api/reports/institution-import")
class InstitutionImportController {
    private final InstitutionImport institutionImport;
    private final SheetUploads uploads;

    InstitutionImportController(InstitutionImport institutionImport, SheetUploads uploads) {
        this.institutionImport = institutionImport;
        this.uploads = uploads;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<StreamingResponseBody> template(@AuthenticationPrincipal ActorUser user) {
        List<String> units = institutionImport.unitChoices(user.actor());
        return ReportController.attachment(ReportController.XLSX, "机构台账导入模板.xlsx", out -> InstitutionImportWorkbook.template(units, out));
    }

    /**
     * Each row answered: registered, already in the register, or refused with its problems. 201 when something was
     * registered, 200 when every row was there already; 400 (every bad row and column named) when nothing was
     * registered and some rows were refused.
     */
    @PostMapping
    ResponseEntity<SheetImport.Result<InstitutionImport.RowResult>> upload(@RequestParam("file") MultipartFile file,
                                                    @AuthenticationPrincipal ActorUser user) throws IOException, InterruptedException {
        SheetImport.Result<InstitutionImport.RowResult> result = uploads.importRows(file, InstitutionImportWorkbook.LAYOUT,
                rows -> institutionImport.importAll(rows, user.actor()));
        return ResponseEntity.status(result.created() > 0 ? 201 : 200).body(result);
    }
}
