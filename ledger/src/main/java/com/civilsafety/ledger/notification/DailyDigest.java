package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.campaign.CampaignProgressQuery;
import com.civilsafety.ledger.common.LedgerTime;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonRepository;
import com.civilsafety.ledger.statistics.SafetyFigures;
import com.civilsafety.ledger.statistics.StatisticsQuery;
import com.civilsafety.ledger.statistics.StatisticsReport;
import com.civilsafety.ledger.statistics.StatisticsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 每日汇总 for leaders and bureau sections, each over their own scope, on the statistics' definitions
 * (docs/statistics.md) for this year up to the day: overdue hazards by township, 挂牌督办 not yet closed, and 迟报 —
 * campaign work past its due date and not submitted. One notice per person and day.
 */
@Component
public class DailyDigest {
    private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

    private final PersonRepository people;
    private final StatisticsService statistics;
    private final CampaignProgressQuery campaigns;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DailyDigest(PersonRepository people, StatisticsService statistics, CampaignProgressQuery campaigns,
                       Notifications notifications, PlatformTransactionManager txManager, Clock clock) {
        this.people = people;
        this.statistics = statistics;
        this.campaigns = campaigns;
        this.notifications = notifications;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    /** The figures of one digest: what the notice says. */
    private record Figures(long overdue, Map<String, Long> overdueByRegion, long supervisionOpen, long lateWork) {
    }

    @Scheduled(cron = "${civil-safety.notification.digest-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
    public void sendToday() {
        try {
            send(LedgerTime.today(clock));
        } catch (RuntimeException e) {
            log.warn("daily digest not sent: {}", e.toString());
        }
    }

    /** Sends the day's digest to everyone who wants it; each in a transaction of its own. Answers how many were sent. */
    public int send(LocalDate day) {
        List<Long> readers = tx.execute(s -> Stream.of(Role.LEADER, Role.BUREAU_SECTION)
                .flatMap(r -> people.findEnabledWithRole(r).stream()).map(Person::getId).distinct().toList());
        int sent = 0;
        for (Long id : readers) {
            Integer told = tx.execute(s -> {
                Person person = people.findById(id).orElseThrow();
                return notifications.wantsDigest(person) ? notify(person, day) : 0;
            });
            sent += told == null ? 0 : told;
        }
        return sent;
    }

    /** The digest's figures for one person's scope and day. */
    private Figures figuresFor(Actor actor, LocalDate day) {
        StatisticsReport report = statistics.figures(new StatisticsQuery(day.withDayOfYear(1), day, null, null,
                StatisticsQuery.Grouping.REGION), actor);
        SafetyFigures total = report.total();
        Map<String, Long> byRegion = report.rows().stream().filter(r -> r.figures().overdue() > 0)
                .sorted(Comparator.comparingLong((StatisticsReport.Row r) -> r.figures().overdue()).reversed())
                .collect(Collectors.toMap(StatisticsReport.Row::label, r -> r.figures().overdue(), (a, b) -> a, LinkedHashMap::new));
        return new Figures(total.overdue(), byRegion, total.listedSupervision() - total.listedSupervisionClosed(),
                campaigns.lateWork(actor));
    }

    private int notify(Person person, LocalDate day) {
        Figures f = figuresFor(PeopleService.actorOf(person), day);
        String where = f.overdueByRegion().entrySet().stream().limit(3).map(e -> e.getKey() + e.getValue())
                .collect(Collectors.joining("、"));
        String summary = "逾期隐患" + f.overdue() + "条" + (where.isEmpty() ? "" : "（" + where + "）") + "，挂牌督办未销号"
                + f.supervisionOpen() + "条，迟报" + f.lateWork() + "项";
        // told at once, not through a request: the digest is no process step, and this is its own transaction
        return notifications.tell(List.of(new Notifications.Notice("digest:" + day, Recipients.person(person.getId()),
                new Message(NotificationKind.DIGEST, "每日汇总（" + day.format(NotificationSources.DAY) + "）：" + summary,
                        NotificationSources.SIGNATURE + day.format(NotificationSources.DAY) + "：" + summary + "。", "/dashboard", false))),
                clock.instant());
    }
}
