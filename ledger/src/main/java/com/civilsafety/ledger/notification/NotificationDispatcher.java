package com.civilsafety.ledger.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due, a batch at a time, off the process's path: a step only wrote its rows, so a slow or broken mail
 * server never holds one up. Attempts are recorded after the channel answered, a few at a time; a crash in between
 * leaves those deliveries pending and they are sent again with the same message keys (the receiver drops the
 * copies). Nothing is kept in memory: after a restart the pending rows are simply due.
 */
@Component
public class NotificationDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 100;
    /** sent over one connection, then recorded: a crash in between sends at most these again */
    private static final int AT_ONCE = 20;

    private final NotificationDeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final Map<Channel, DeliveryChannel> channels;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;

    public NotificationDispatcher(NotificationDeliveryRepository deliveries, NotificationRepository notifications,
                                  List<DeliveryChannel> channels,
                                  PlatformTransactionManager txManager, Clock clock,
                                  @Value("${civil-safety.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::channel, Function.identity()));
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelayString = "${civil-safety.notification.dispatch:PT5S}", initialDelayString = "PT5S")
    public void dispatchDue() {
        try {
            int sent;
            do {
                sent = dispatchBatch();
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("notification dispatch stopped for now: {}", e.toString()); // the rows stay due: next round
        }
    }

    /**
     * Sends one batch of due deliveries, each channel's a few at a time (over one connection where the channel has
     * one), each few recorded after the channel answered; answers how many were taken from the queue.
     */
    public int dispatchBatch() {
        List<Attempt> due = tx.execute(s -> attempts(deliveries.findDue(clock.instant(), PageRequest.of(0, BATCH))));
        Map<DeliveryChannel, List<Attempt>> byChannel = due.stream()
                .collect(Collectors.groupingBy(Attempt::channel, LinkedHashMap::new, Collectors.toList()));
        byChannel.forEach((channel, attempts) -> {
            for (int from = 0; from < attempts.size(); from += AT_ONCE) {
                List<Attempt> few = attempts.subList(from, Math.min(attempts.size(), from + AT_ONCE));
                Map<String, DeliveryChannel.DeliveryFailure> failed;
                try {
                    failed = channel.sendAll(few.stream().map(Attempt::message).toList());
                } catch (RuntimeException e) {
                    log.warn("notification channel {} failed unexpectedly", channel.channel(), e);
                    failed = few.stream().collect(Collectors.toMap(a -> a.message().key(),
                            a -> new DeliveryChannel.DeliveryFailure(e.toString(), false, e)));
                }
                record(few, failed);
            }
        });
        return due.size();
    }

    /** a pending delivery, as it is to be sent now */
    private record Attempt(long deliveryId, DeliveryChannel channel, DeliveryChannel.Outgoing message) {
    }

    /** The deliveries still pending, as they are to be sent now; one whose channel is gone is given up here. */
    private List<Attempt> attempts(List<Long> ids) {
        List<NotificationDelivery> pending = deliveries.findAllById(ids).stream()
                .filter(d -> d.getStatus() == DeliveryStatus.PENDING).toList();
        Map<Long, Notification> byId = notifications.findAllById(pending.stream().map(NotificationDelivery::getNotificationId).toList())
                .stream().collect(Collectors.toMap(Notification::getId, Function.identity()));
        List<Attempt> attempts = new ArrayList<>();
        for (NotificationDelivery d : pending) {
            DeliveryChannel channel = channels.get(d.getChannel());
            if (channel == null || !channel.configured()) {
                // switched off since the notice was written: an administrator resends it once the channel is back
                d.failed(clock.instant(), d.getChannel().label() + "通道未配置", true);
                continue;
            }
            Notification n = byId.get(d.getNotificationId());
            attempts.add(new Attempt(d.getId(), channel, new DeliveryChannel.Outgoing(d.messageKey(), d.getAddress(), n.getKind(),
                    n.getTitle(), n.getBody(), baseUrl + n.getLink(), n.isUrgent())));
        }
        return attempts;
    }

    private void record(List<Attempt> sent, Map<String, DeliveryChannel.DeliveryFailure> failed) {
        tx.executeWithoutResult(s -> {
            Map<Long, NotificationDelivery> byId = deliveries.findAllById(sent.stream().map(Attempt::deliveryId).toList()).stream()
                    .collect(Collectors.toMap(NotificationDelivery::getId, Function.identity()));
            for (Attempt a : sent) {
                DeliveryChannel.DeliveryFailure failure = failed.get(a.message().key());
                if (failure == null) {
                    byId.get(a.deliveryId()).sent(clock.instant());
                } else {
                    log.info("notification delivery {} failed ({}): {}", a.deliveryId(), failure.permanent() ? "permanent" : "will retry",
                            failure.getMessage());
                    byId.get(a.deliveryId()).failed(clock.instant(), failure.getMessage(), failure.permanent());
                }
            }
        });
    }
}
