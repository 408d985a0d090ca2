package com.civilsafety.ledger.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {
    Page<Notification> findByPersonIdOrderByIdDesc(Long personId, Pageable page);

    Page<Notification> findByPersonIdAndReadAtIsNullOrderByIdDesc(Long personId, Pageable page);

    long countByPersonIdAndReadAtIsNull(Long personId);

    @Modifying
    @Query("update Notification n set n.readAt = :at where n.personId = :personId and n.readAt is null")
    int markAllRead(Long personId, Instant at);
}

interface NotificationDeliveryRepository extends JpaRepository<NotificationDelivery, Long> {
    @Query("""
            select d.id from NotificationDelivery d
            where d.status = com.civilsafety.ledger.notification.DeliveryStatus.PENDING and d.notBefore <= :now
            order by d.notBefore, d.id""")
    List<Long> findDue(Instant now, Pageable page);

    Page<NotificationDelivery> findByStatusOrderByIdDesc(DeliveryStatus status, Pageable page);

    List<NotificationDelivery> findByNotificationIdIn(List<Long> notificationIds);
}

interface NotificationSettingRepository extends JpaRepository<NotificationSetting, Long> {
}
