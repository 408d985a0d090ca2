package com.civilsafety.api.whistleblower;

import com.civilsafety.api.security.ActorUser;
import com.civilsafety.api.security.PublicBudget;
import com.civilsafety.engine.whistleblower.WhistleblowerIntake;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.whistleblower.WhistleblowerSubmission;
import com.civilsafety.ledger.statistics.SafetyCards;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 安全吹哨人: the public form and status lookup (no login, rate-limited per client: {@link PublicBudget}), and the
 * reports as the bureau and townships see them.
 */
@RestController
class WhistleblowerController {
    private final Whistleblowers whistleblowers;
    private final WhistleblowerIntake intake;
    private final SafetyCards cards;

    WhistleblowerController(Whistleblowers whistleblowers, WhistleblowerIntake intake, SafetyCards cards) {
        this.cards = cards;
        this.whistleblowers = whistleblowers;
        this.intake = intake;
    }

    /** What the reporter gets back: the tracking code and the status, not the report's internal number. */
    record PublicReceipt(String trackingCode, String status, String statusLabel) {
    }

    @PostMapping(path = "/api/public/whistleblower-reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PublicBudget(PublicBudget.Kind.SUBMISSION)
    ResponseEntity<PublicReceipt> submit(@Valid @RequestBody WhistleblowerSubmission submission) {
        Whistleblowers.Receipt receipt = intake.submit(submission);
        return ResponseEntity.created(URI.create("/api/public/whistleblower-reports/" + receipt.trackingCode()))
                .body(new PublicReceipt(receipt.trackingCode(), receipt.status(), receipt.statusLabel()));
    }

    @GetMapping("/api/public/whistleblower-reports/{trackingCode}")
    @PublicBudget(PublicBudget.Kind.LOOKUP)
    Whistleblowers.PublicStatus status(@PathVariable String trackingCode) {
        return whistleblowers.status(trackingCode);
    }

    /** A photo (JPEG or PNG) sent with a report, by its tracking code, while it is being handled. */
    @PostMapping(path = "/api/public/whistleblower-reports/{trackingCode}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PublicBudget(PublicBudget.Kind.PHOTO)
    ResponseEntity<Map<String, Integer>> photo(@PathVariable String trackingCode, @RequestParam("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(201).body(Map.of("photos", whistleblowers.addPhoto(trackingCode, file.getOriginalFilename(), in)));
        }
    }

    /** The townships to choose from when the institution reported is not in the register. */
    @GetMapping("/api/public/townships")
    @PublicBudget(PublicBudget.Kind.LOOKUP)
    List<Whistleblowers.TownshipChoice> townships() {
        return whistleblowers.townships();
    }

    @GetMapping("/api/public/institutions")
    @PublicBudget(PublicBudget.Kind.LOOKUP)
    List<Whistleblowers.InstitutionChoice> institutions(@RequestParam(required = false) String name) {
        return whistleblowers.institutions(name);
    }

    /**
     * 一院一码: what the public may know of the institution a QR code names — the card shown with the report form the
     * code opens (an unknown code: 404).
     */
    @GetMapping("/api/public/institutions/{qrCode}")
    @PublicBudget(PublicBudget.Kind.LOOKUP)
    SafetyCards.SafetyCard institution(@PathVariable String qrCode) {
        return cards.byQrCode(qrCode);
    }

    /** 举报线索 in the caller's region, newest first; {@code from}/{@code to}: received on those China dates or between. */
    @GetMapping("/api/whistleblower-reports")
    List<Whistleblowers.ReportView> list(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                                         @RequestParam(required = false) InstitutionType institutionType,
                                         @AuthenticationPrincipal ActorUser user) {
        return whistleblowers.inScope(user.actor(), from, to, institutionType);
    }

    /** One report in the caller's region (its verification task shows it), else not found. */
    @GetMapping("/api/whistleblower-reports/{id}")
    Whistleblowers.ReportView one(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return whistleblowers.one(id, user.actor());
    }
}
