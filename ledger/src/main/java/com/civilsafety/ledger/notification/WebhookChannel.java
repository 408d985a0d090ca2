package com.civilsafety.ledger.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * SMS and government messaging (政务微信, 浙政钉, 钉钉) through the county's gateway: one JSON POST per message, signed
 * with HMAC-SHA256 over "timestamp.body" with a shared secret so that the gateway can trust it, and carrying the
 * delivery's key as Idempotency-Key so that it can drop a copy. A 2xx answer is delivered; 4xx (but 408 and 429) is
 * refused for good; anything else is tried again.
 */
@Component
class WebhookChannel implements DeliveryChannel {
    static final String SIGNATURE = "X-Civil-Safety-Signature";
    static final String TIMESTAMP = "X-Civil-Safety-Timestamp";

    private final String url;
    private final byte[] secret;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookChannel(@Value("${civil-safety.notification.webhook.url:}") String url,
                   @Value("${civil-safety.notification.webhook.secret:}") String secret, ObjectMapper json, Clock clock) {
        this.url = url.strip();
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        if (!this.url.isEmpty() && this.secret.length < 16) {
            throw new IllegalStateException("civil-safety.notification.webhook.secret must be set (16 characters or more) "
                    + "when civil-safety.notification.webhook.url is");
        }
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean configured() {
        return !url.isEmpty();
    }

    @Override
    public void send(Outgoing message) throws DeliveryFailure {
        String body = body(message);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", message.key())
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            throw new DeliveryFailure("消息网关答复 HTTP " + status, permanent, null);
        } catch (IOException e) {
            throw new DeliveryFailure("消息网关无法连接：" + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("发送被中断", false, e);
        }
    }

    private String body(Outgoing message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("key", message.key());
        payload.put("mobile", message.address());
        payload.put("kind", message.kind().name());
        payload.put("urgent", message.urgent());
        payload.put("title", message.title());
        payload.put("text", message.body());
        payload.put("url", message.url());
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of the text with the shared secret, in lower-case hex: what the gateway recomputes to check. */
    static String sign(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
