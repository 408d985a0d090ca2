package com.civilsafety.api.institution;

import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.institution.Institution;
import com.civilsafety.ledger.institution.InstitutionRecord;
import com.civilsafety.ledger.institution.InstitutionRegister;
import com.civilsafety.ledger.institution.InstitutionService;
import com.civilsafety.ledger.institution.InstitutionStatus;
import com.civilsafety.ledger.institution.InstitutionType;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.SafetyCards;
import com.civilsafety.ledger.statistics.StatisticsService;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/institutions")
class InstitutionController {
    private final InstitutionService institutions;
    private final InstitutionRegister register;
    private final StatisticsService statistics;
    private final SafetyCards cards;
    private final String baseUrl;

    InstitutionController(InstitutionService institutions, InstitutionRegister register, StatisticsService statistics,
                          SafetyCards cards, @Value("${civil-safety.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.institutions = institutions;
        this.register = register;
        this.statistics = statistics;
        this.cards = cards;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Where an institution's QR code leads: the public report form naming it, with its safety card. */
    String reportUrl(String qrCode) {
        return baseUrl + "/whistleblower?i=" + qrCode;
    }

    /** 一院一码 as printed on the poster: the card (name, address, 举报电话) and the address the code leads to. */
    record Poster(SafetyCards.SafetyCard card, String reportUrl) {
    }

    @GetMapping("/{id}/poster")
    Poster poster(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        Institution institution = institutions.profile(id, user.actor()).institution();
        return new Poster(cards.of(institution), reportUrl(institution.getQrCode()));
    }

    /** The institution's QR code (PNG), leading to the public report form that names it. */
    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        Institution institution = institutions.profile(id, user.actor()).institution();
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_PNG)
                .body(QrCodeImage.png(reportUrl(institution.getQrCode()), 600));
    }

    /** township: the institution's township, or "<county>直属机构" for one the bureau runs directly */
    record InstitutionSummary(long id, String code, String name, String type, String typeLabel, String township,
                              Integer capacity, String principalName, String status, String statusLabel,
                              boolean zeroReportFlagged) {
        static InstitutionSummary of(Institution i) {
            return new InstitutionSummary(i.getId(), i.getCode(), i.getName(), i.getType().name(), i.getType().label(),
                    i.getRegion().unitName(), i.getCapacity(), i.getPrincipalName(), i.getStatus().name(),
                    i.getStatus().label(), i.isZeroReportFlagged());
        }
    }

    record StatusChange(InstitutionStatus status, String reason) {
    }

    record Contact(String name, String phone, String username) {
        static Contact of(Person p) {
            return p == null ? null : new Contact(p.getDisplayName(), p.getPhone(), p.getUsername());
        }
    }

    record InstitutionDetails(InstitutionSummary summary, String address, long regionId, String principalPhone,
                              String safetyOfficerName, String safetyOfficerPhone, Contact cadre, List<Contact> staff,
                              int zeroReportStreak) {
    }

    /**
     * The institutions in the caller's data scope, optionally of a region subtree, a type, a name containing text; with
     * {@code checkedFrom} and {@code checkedTo} only those checked within those dates — the ones the statistics'
     * 检查机构数 counts for that window.
     */
    @GetMapping
    PageOf<InstitutionSummary> list(@RequestParam(required = false) Long regionId,
                                    @RequestParam(required = false) InstitutionType type,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(required = false) LocalDate checkedFrom,
                                    @RequestParam(required = false) LocalDate checkedTo,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                                    @AuthenticationPrincipal ActorUser user) {
        if (checkedFrom != null || checkedTo != null) {
            if (checkedFrom == null || checkedTo == null) {
                throw new InvalidInputException(checkedFrom == null ? "checkedFrom" : "checkedTo", "检查期间须同时填写开始日期和结束日期");
            }
            return PageOf.of(statistics.institutionsChecked(new StatisticsQuery(checkedFrom, checkedTo, regionId, type, null),
                    name, user.actor(), Paging.of(page, size)), InstitutionSummary::of);
        }
        return PageOf.of(institutions.listInScope(user.actor(), regionId, type, name, Paging.of(page, size)),
                InstitutionSummary::of);
    }

    /** 登记机构: a new institution in the register (the county bureau; a township officer in his township). */
    @PostMapping
    ResponseEntity<InstitutionDetails> register(@RequestBody InstitutionRecord record, @AuthenticationPrincipal ActorUser user) {
        long id = register.register(record, user.actor()).getId();
        return ResponseEntity.created(URI.create("/api/institutions/" + id)).body(get(id, user));
    }

    /** 变更登记: the record as it now is, with why it changed. */
    @PutMapping("/{id}")
    InstitutionDetails update(@PathVariable long id, @RequestBody InstitutionRecord record,
                              @AuthenticationPrincipal ActorUser user) {
        register.update(id, record, user.actor());
        return get(id, user);
    }

    /** 停业整顿 / 关停 / 恢复运营, with the reason (the county bureau). */
    @PostMapping("/{id}/status")
    InstitutionDetails changeStatus(@PathVariable long id, @RequestBody StatusChange change, @AuthenticationPrincipal ActorUser user) {
        register.changeStatus(id, change.status(), change.reason(), user.actor());
        return get(id, user);
    }

    /** 变更记录: registered, changed (each field before and after), suspended, closed — who, when and why. */
    @GetMapping("/{id}/history")
    List<InstitutionRegister.Change> history(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return register.history(id, user.actor());
    }

    /** 机构详情: contacts, the people with accounts, the 包保 cadre. */
    @GetMapping("/{id}")
    InstitutionDetails get(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        var profile = institutions.profile(id, user.actor());
        Institution i = profile.institution();
        return new InstitutionDetails(InstitutionSummary.of(i), i.getAddress(), i.getRegion().getId(),
                i.getPrincipalPhone(), i.getSafetyOfficerName(), i.getSafetyOfficerPhone(), Contact.of(profile.cadre()),
                profile.staff().stream().map(Contact::of).toList(), i.getZeroReportStreak());
    }
}
