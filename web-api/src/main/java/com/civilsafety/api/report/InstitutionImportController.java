package com.civilsafety.api.report;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.institution.InstitutionImport;
import com.civilsafety.ledger.region.Region;
import com.civilsafety.ledger.region.RegionLevel;
import com.civilsafety.ledger.region.RegionRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final RegionRepository regions;
    private final SheetUploads uploads;

    InstitutionImportController(InstitutionImport institutionImport, RegionRepository regions, SheetUploads uploads) {
        this.institutionImport = institutionImport;
        this.regions = regions;
        this.uploads = uploads;
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<StreamingResponseBody> template(@AuthenticationPrincipal ActorUser user) {
        List<String> units = units(user.actor());
        return ReportController.attachment(ReportController.XLSX, "机构台账导入模板.xlsx", out -> InstitutionImportWorkbook.template(units, out));
    }

    /**
     * Each row answered: registered, already in the register, or refused with its problems. 201 when something was
     * registered, 200 when every row was there already; 400 (every bad row and column named) when nothing was
     * registered and some rows were refused.
     */
    @PostMapping
    ResponseEntity<InstitutionImport.Result> upload(@RequestParam("file") MultipartFile file,
                                                    @AuthenticationPrincipal ActorUser user) throws IOException, InterruptedException {
        InstitutionImport.Result result = uploads.importRows(file, InstitutionImportWorkbook.LAYOUT,
                rows -> institutionImport.importAll(rows, user.actor()));
        return ResponseEntity.status(result.created() > 0 ? 201 : 200).body(result);
    }

    /** The townships of the actor's region in code order, then 县局直属 where the bureau's own institutions are his to keep. */
    private List<String> units(Actor actor) {
        List<Region> inScope = regions.findByPathStartingWithOrderByPath(actor.regionPath());
        List<String> units = new ArrayList<>(inScope.stream().filter(r -> r.getLevel() == RegionLevel.TOWNSHIP)
                .sorted(Comparator.comparing(Region::getCode)).map(Region::getName).toList());
        boolean bureau = actor.hasRole(Role.BUREAU_ADMIN) || actor.hasRole(Role.BUREAU_SECTION);
        if (bureau && inScope.stream().filter(r -> r.getLevel() == RegionLevel.COUNTY).count() == 1) {
            units.add(InstitutionImport.DIRECTLY_RUN);
        }
        return units;
    }
}
