package com.civilsafety.api.report;

import com.civilsafety.api.common.TooBusyException;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.criterion.CriterionCatalogue;
import com.civilsafety.ledger.hazard.HazardImport;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
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
 * 《隐患清单》 filled offline: the template to fill, and the upload that imports all of its rows or none. Reading a file
 * is bounded in memory ({@link HazardImportFile}) and in number: at most {@code civil-safety.import.concurrent} files are
 * read and stored at once; one more waits a moment, then is told to try again (503), so that a burst of uploads cannot slow
 * everyone else down.
 */
@RestController
@RequestMapping("/api/reports/hazard-import")
class HazardImportController {
    private final HazardImport hazardImport;
    private final CriterionCatalogue criteria;
    private final Semaphore reading;

    HazardImportController(HazardImport hazardImport, CriterionCatalogue criteria,
                           @Value("${civil-safety.import.concurrent:2}") int concurrent) {
        this.hazardImport = hazardImport;
        this.criteria = criteria;
        this.reading = new Semaphore(concurrent);
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
    ResponseEntity<HazardImport.Result> upload(@RequestParam("file") MultipartFile file,
                                               @AuthenticationPrincipal ActorUser user) throws IOException, InterruptedException {
        if (!reading.tryAcquire(2, TimeUnit.SECONDS)) {
            throw new TooBusyException("正在处理其他导入文件，请稍后再试", 10);
        }
        try (InputStream in = file.getInputStream()) { // the rows read are held until they are stored: both under the bound
            HazardImport.Result result = hazardImport.importAll(HazardImportFile.read(in, file.getSize()), user.actor());
            return ResponseEntity.status(result.created() > 0 ? 201 : 200).body(result);
        } finally {
            reading.release();
        }
    }
}
