package com.civilsafety.ledger.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the county's SMTP server (spring.mail.*). The Message-ID is the delivery's key, the same on every
 * attempt, so that a copy sent again after a crash can be recognised and dropped.
 */
@Component
class MailChannel implements DeliveryChannel {
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> sender,
                @Value("${civil-safety.notification.mail-from:civil-safety@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        DeliveryFailure failure = sendAll(List.of(message)).get(message.key());
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * One connection to the server for all of them: a connection each costs tens of milliseconds (and a TLS
     * handshake on a real server), which made two thousand mails take minutes.
     */
    @Override
    public Map<String, DeliveryFailure> sendAll(List<Outgoing> messages) {
        JavaMailSender mail = sender.getObject();
        Map<String, DeliveryFailure> failed = new HashMap<>();
        Map<MimeMessage, Outgoing> composed = new IdentityHashMap<>();
        for (Outgoing message : messages) {
            try {
                composed.put(compose(mail, message), message);
            } catch (jakarta.mail.internet.AddressException e) {
                failed.put(message.key(), new DeliveryFailure("邮箱地址无效：" + message.address(), true, e));
            } catch (MessagingException | java.io.UnsupportedEncodingException e) {
                failed.put(message.key(), new DeliveryFailure("邮件无法生成：" + e.getMessage(), false, e));
            }
        }
        if (composed.isEmpty()) {
            return failed;
        }
        try {
            mail.send(composed.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            if (e.getFailedMessages().isEmpty()) { // the server, not a message: all of them again later
                composed.values().forEach(m -> failed.put(m.key(), new DeliveryFailure("邮件发送失败：" + e.getMessage(), false, e)));
            }
            e.getFailedMessages().forEach((mime, cause) -> {
                Outgoing message = composed.get(mime);
                boolean refused = cause instanceof SendFailedException;
                failed.put(message.key(), new DeliveryFailure((refused ? "邮件服务器拒收此地址：" : "邮件发送失败：")
                        + cause.getMessage(), refused, cause));
            });
        } catch (MailException e) {
            composed.values().forEach(m -> failed.put(m.key(), new DeliveryFailure("邮件发送失败：" + e.getMessage(), false, e)));
        }
        return failed;
    }

    private MimeMessage compose(JavaMailSender mail, Outgoing message) throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage mime = new MimeMessage(mail.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + message.key() + "@civil-safety>");
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(from, "民政服务机构安全监管平台", StandardCharsets.UTF_8.name()));
        helper.setTo(new InternetAddress(message.address(), true));
        helper.setSubject((message.urgent() ? "【紧急】" : "") + message.title());
        helper.setText(message.body() + "\n\n办理或查看：" + message.url() + "\n\n（本邮件由平台自动发送，请勿回复）");
        return mime;
    }
}
