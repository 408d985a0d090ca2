package com.civilsafety.api.notification;

import com.civilsafety.api.common.PageOf;
import com.civilsafety.api.common.Paging;
import com.civilsafety.api.security.ActorUser;
import com.civilsafety.ledger.notification.Channel;
import com.civilsafety.ledger.notification.Notification;
import com.civilsafety.ledger.notification.NotificationPreferences;
import com.civilsafety.ledger.notification.Notifications;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 消息通知: one's own notices (the bell), one's settings, and for administrators the deliveries that failed. */
@RestController
class NotificationController {

    record NotificationView(long id, String kind, String kindLabel, String title, String body, String link, boolean urgent,
                            Instant createdAt, boolean read) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind().name(), n.getKind().label(), n.getTitle(), n.getBody(), n.getLink(),
                    n.isUrgent(), n.getCreatedAt(), n.getReadAt() != null);
        }
    }

    /** the settings, with whether the platform can send by e-mail and SMS at all (not configured: said on the page) */
    record SettingsView(String email, boolean emailEnabled, String mobile, boolean webhookEnabled, LocalTime quietFrom,
                        LocalTime quietUntil, boolean digest, boolean emailAvailable, boolean smsAvailable) {
        static SettingsView of(NotificationPreferences p, Set<Channel> available) {
            return new SettingsView(p.email(), p.emailEnabled(), p.mobile(), p.webhookEnabled(), p.quietFrom(), p.quietUntil(),
                    p.digest(), available.contains(Channel.EMAIL), available.contains(Channel.WEBHOOK));
        }
    }

    record NotificationList(List<NotificationView> items, long total, long unread) {
    }

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/notifications")
    NotificationList mine(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal ActorUser user) {
        Notifications.Inbox inbox = notifications.of(user.actor(), unread, Paging.of(page, size));
        return new NotificationList(inbox.items().stream().map(NotificationView::of).toList(), inbox.total(), inbox.unread());
    }

    /** the bell's figure, asked for every minute by every open page: one count */
    @GetMapping("/api/notifications/unread-count")
    Map<String, Long> unread(@AuthenticationPrincipal ActorUser user) {
        return Map.of("unread", notifications.unread(user.actor()));
    }

    @PostMapping("/api/notifications/{id}/read")
    NotificationView read(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        return NotificationView.of(notifications.markRead(id, user.actor()));
    }

    @PostMapping("/api/notifications/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal ActorUser user) {
        return Map.of("marked", notifications.markAllRead(user.actor()));
    }

    @GetMapping("/api/notification-settings")
    SettingsView settings(@AuthenticationPrincipal ActorUser user) {
        return SettingsView.of(notifications.preferencesOf(user.actor()), notifications.availableChannels());
    }

    @PostMapping("/api/notification-settings")
    SettingsView change(@RequestBody NotificationPreferences body, @AuthenticationPrincipal ActorUser user) {
        return SettingsView.of(notifications.change(user.actor(), body), notifications.availableChannels());
    }

    @GetMapping("/api/admin/notification-deliveries")
    PageOf<Notifications.FailedDelivery> failed(@RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size,
                                                @AuthenticationPrincipal ActorUser user) {
        return PageOf.of(notifications.failed(user.actor(), Paging.of(page, size)), f -> f);
    }

    @PostMapping("/api/admin/notification-deliveries/{id}/resend")
    Map<String, String> resend(@PathVariable long id, @AuthenticationPrincipal ActorUser user) {
        notifications.resend(id, user.actor());
        return Map.of("status", "PENDING");
    }
}
