package com.civilsafety.ledger.notification;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.Json;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.people.Person;
import com.civilsafety.ledger.people.PersonContact;
import com.civilsafety.ledger.people.PersonRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: notices asked for in the transaction of the step that caused them and told right after its commit
 * ({@link NotificationRelay}), one per person and cause, with a delivery per configured outside channel the person
 * has chosen (sent by {@link NotificationDispatcher}); and each person's list of them (the in-app channel).
 */
@Service
public class Notifications {
    /** up to this many records of one role, a query each; more, the role's people once */
    static final int FEW = 8;
    /** notices per request row: a few hundred kilobytes of JSON at most */
    static final int PER_REQUEST = 500;

    private final NotificationRepository notifications;
    private final NotificationDeliveryRepository deliveries;
    private final NotificationSettingRepository settings;
    private final PersonRepository people;
    private final List<DeliveryChannel> channels;
    private final NotificationOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Notifications(NotificationRepository notifications, NotificationDeliveryRepository deliveries,
                         NotificationSettingRepository settings, PersonRepository people, List<DeliveryChannel> channels,
                         NotificationOutbox outbox, ApplicationEventPublisher events, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.settings = settings;
        this.people = people;
        this.channels = channels;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** One cause to tell: whom, and what. */
    public record Notice(String causeKey, Recipients to, Message message) {
    }

    /** Tells the recipients of one cause; see {@link #notifyAll}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notify(String causeKey, Recipients to, Message message) {
        notifyAll(List.of(new Notice(causeKey, to, message)));
    }

    /**
     * Tells the recipients, as part of the caller's transaction: what the step commits, it notifies; what it rolls
     * back, it does not. The notices are written as requests, a few rows however many people they concern, and told
     * to each person right after the commit ({@link NotificationRelay}), so that a campaign-wide reminder does not
     * hold the step's transaction while two thousand people are looked up and written.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyAll(Collection<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        List<Notice> all = List.copyOf(notices);
        List<String> requests = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PER_REQUEST) {
            requests.add(Json.write(all.subList(from, Math.min(all.size(), from + PER_REQUEST))));
        }
        outbox.request(requests, clock.instant());
        events.publishEvent(new NoticesRequested());
    }

    /**
     * Tells each recipient of each notice, in the caller's transaction, dated when the notices were asked for.
     * A cause already told to a person (a retried job, a replayed step) is not told again. Each notice gets a
     * delivery per configured outside channel the person has chosen, due at once or when their quiet hours end —
     * judged now: a notice asked for at 21:59 and told at 23:00 (the relay held up) waits for the morning.
     * Answers how many were told now.
     */
    int tell(Collection<Notice> notices, Instant at) {
        Instant now = clock.instant();
        Instant due = now.isAfter(at) ? now : at;
        Map<Recipients, List<PersonContact>> recipients = recipientsOf(notices.stream().map(Notice::to).distinct().toList());
        Set<NotificationOutbox.Told> told = outbox.told(notices.stream().map(Notice::causeKey).toList());
        Map<Long, PersonContact> people = new HashMap<>();
        List<NotificationOutbox.Row> rows = new ArrayList<>();
        for (Notice notice : notices) {
            for (PersonContact person : recipients.get(notice.to())) {
                NotificationOutbox.Told once = new NotificationOutbox.Told(notice.causeKey(), person.id());
                if (told.add(once)) { // not told before, nor twice in this batch
                    rows.add(new NotificationOutbox.Row(once, notice.message()));
                    people.put(person.id(), person);
                }
            }
        }
        Map<Long, NotificationPreferences> chosen = outbox.preferencesOf(people.keySet());
        List<NotificationOutbox.Delivery> out = new ArrayList<>();
        for (NotificationOutbox.Row row : rows) {
            long personId = row.told().personId();
            // no settings stored: the defaults (the digest is not a delivery's concern)
            NotificationPreferences setting = chosen.computeIfAbsent(personId,
                    id -> defaults(id, people.get(id).phone(), false).preferences());
            for (DeliveryChannel channel : channels) {
                String address = setting.addressOf(channel.channel());
                if (channel.configured() && address != null) {
                    out.add(new NotificationOutbox.Delivery(row.told(), channel.channel(), address,
                            setting.notBefore(due, row.message().urgent())));
                }
            }
        }
        outbox.write(rows, out, at);
        return rows.size();
    }

    /**
     * Who each is: one person, everyone of a role, or those of a role whose scope covers the record. Many records of
     * one role (a campaign's institutions) read the role's people once and match the scope here
     * ({@link PersonContact#covers}) instead of a query per record.
     */
    private Map<Recipients, List<PersonContact>> recipientsOf(List<Recipients> all) {
        Map<Recipients, List<PersonContact>> found = new HashMap<>();
        Map<Role, List<Recipients>> covering = all.stream().filter(r -> r.personId() == null && r.regionPath() != null)
                .collect(Collectors.groupingBy(Recipients::role));
        for (Recipients to : all) {
            if (to.personId() != null) {
                found.put(to, people.contactOf(to.personId()).stream().toList());
            } else if (to.regionPath() == null) {
                found.put(to, people.contactsWithRole(to.role()));
            } else if (covering.get(to.role()).size() <= FEW) {
                found.put(to, people.contactsCovering(to.role(), to.regionPath(), to.institutionId()));
            }
        }
        covering.forEach((role, many) -> {
            if (many.size() > FEW) {
                // an institution's people are looked up by it; the others (a township's, a county's) are few
                List<PersonContact> ofRole = people.contactsWithRole(role);
                Map<Long, List<PersonContact>> byInstitution = ofRole.stream().filter(p -> p.institutionId() != null)
                        .collect(Collectors.groupingBy(PersonContact::institutionId));
                List<PersonContact> regional = ofRole.stream().filter(p -> p.institutionId() == null).toList();
                many.forEach(to -> found.put(to, Stream.concat(regional.stream(),
                                to.institutionId() == null ? Stream.empty()
                                        : byInstitution.getOrDefault(to.institutionId(), List.of()).stream())
                        .filter(p -> p.covers(to.regionPath(), to.institutionId())).sorted(Comparator.comparingLong(PersonContact::id))
                        .toList()));
            }
        });
        // a section's work: of those found, its people only
        found.replaceAll((to, contacts) -> to.section() == null ? contacts
                : contacts.stream().filter(p -> to.section().equals(p.section())).toList());
        return found;
    }

    /** A person's notices, newest first (only the unread ones on request), with the count still unread. */
    @Transactional(readOnly = true)
    public Inbox of(Actor actor, boolean unreadOnly, Pageable request) {
        long personId = personOf(actor);
        Page<Notification> found = unreadOnly ? notifications.findByPersonIdAndReadAtIsNullOrderByIdDesc(personId, request)
                : notifications.findByPersonIdOrderByIdDesc(personId, request);
        return new Inbox(found.getContent(), found.getTotalElements(), notifications.countByPersonIdAndReadAtIsNull(personId));
    }

    public record Inbox(List<Notification> items, long total, long unread) {
    }

    @Transactional(readOnly = true)
    public long unread(Actor actor) {
        return notifications.countByPersonIdAndReadAtIsNull(personOf(actor));
    }

    /** 标为已读: only one's own notices; another's is not found. */
    @Transactional
    public Notification markRead(long notificationId, Actor actor) {
        Notification n = notifications.findById(notificationId).filter(x -> x.getPersonId().equals(actor.personId()))
                .orElseThrow(() -> new NotFoundException("通知不存在：" + notificationId));
        n.markRead(clock.instant());
        return n;
    }

    @Transactional
    public int markAllRead(Actor actor) {
        return notifications.markAllRead(personOf(actor), clock.instant());
    }

    @Transactional(readOnly = true)
    public NotificationPreferences preferencesOf(Actor actor) {
        long personId = personOf(actor);
        return settingOf(people.findById(personId).orElseThrow()).preferences();
    }

    /** 通知设置: checked whole before anything is stored. */
    @Transactional
    public NotificationPreferences change(Actor actor, NotificationPreferences preferences) {
        preferences.check();
        long personId = personOf(actor);
        NotificationSetting setting = settings.findById(personId)
                .orElseGet(() -> settings.save(settingOf(people.findById(personId).orElseThrow())));
        setting.change(preferences);
        return setting.preferences();
    }

    /** the outside channels the platform is configured to send on */
    public Set<Channel> availableChannels() {
        return channels.stream().filter(DeliveryChannel::configured).map(DeliveryChannel::channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
    }

    /** 发送失败的通知: for an administrator, newest first, to whom and why. */
    @Transactional(readOnly = true)
    public Page<FailedDelivery> failed(Actor actor, Pageable page) {
        requireAdmin(actor);
        Page<NotificationDelivery> gaveUp = deliveries.findByStatusOrderByIdDesc(DeliveryStatus.GAVE_UP, page);
        Map<Long, Notification> byId = notifications.findAllById(gaveUp.map(NotificationDelivery::getNotificationId).getContent())
                .stream().collect(Collectors.toMap(Notification::getId, Function.identity()));
        Map<Long, String> names = people.findAllById(byId.values().stream().map(Notification::getPersonId).distinct().toList())
                .stream().collect(Collectors.toMap(Person::getId, Person::getDisplayName));
        return gaveUp.map(d -> {
            Notification n = byId.get(d.getNotificationId());
            return new FailedDelivery(d.getId(), d.getChannel().label(), d.getAddress(), names.get(n.getPersonId()), n.getTitle(),
                    n.getLink(), d.getAttempts(), d.getLastAttemptAt(), d.getLastError());
        });
    }

    public record FailedDelivery(long id, String channel, String address, String person, String title, String link,
                                 int attempts, Instant lastAttemptAt, String reason) {
    }

    /** 重新发送: to the person's address as it is now (it may have been corrected since the last attempt). */
    @Transactional
    public void resend(long deliveryId, Actor actor) {
        requireAdmin(actor);
        NotificationDelivery d = deliveries.findById(deliveryId)
                .orElseThrow(() -> new NotFoundException("发送记录不存在：" + deliveryId));
        if (d.getStatus() != DeliveryStatus.GAVE_UP) {
            throw new ConflictException("这条通知" + d.getStatus().label() + "，不需要重新发送");
        }
        Notification n = notifications.findById(d.getNotificationId()).orElseThrow();
        String now = people.findById(n.getPersonId()).map(p -> settingOf(p).preferences().addressOf(d.getChannel())).orElse(null);
        d.resend(now == null ? d.getAddress() : now, clock.instant());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasRole(Role.BUREAU_ADMIN)) {
            throw new ForbiddenException("只有县局管理员可以查看和重发失败的通知");
        }
    }

    /** whether the person wants the daily digest (leaders and sections do, unless they said otherwise) */
    boolean wantsDigest(Person person) {
        return settingOf(person).preferences().digest();
    }

    private NotificationSetting settingOf(Person person) {
        return settings.findById(person.getId()).orElseGet(() -> defaults(person.getId(), person.getPhone(),
                person.getRoles().stream().anyMatch(Set.of(Role.LEADER, Role.BUREAU_SECTION)::contains)));
    }

    /** no settings stored: SMS to the number on record; the digest for those who answer for a county's figures */
    private static NotificationSetting defaults(long personId, String phone, boolean digest) {
        return new NotificationSetting(personId, phone != null && phone.matches("1[3-9]\\d{9}") ? phone : null, digest);
    }

    private static long personOf(Actor actor) {
        if (actor.personId() == null) {
            throw new NotFoundException("没有此用户的通知");
        }
        return actor.personId();
    }
}
