package com.civilsafety.api.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Token buckets (Bucket4j) per key — a client address, an account — kept in a bounded cache (Caffeine): a bucket left
 * alone until it would be full again is forgotten, no more than {@code maxKeys} are kept and each key is kept as a
 * short hash, so that a flood of new or long keys cannot fill the memory. A forgotten bucket is a full one, which is
 * what it would be by then anyway; under a flood of new keys the cache keeps the buckets in frequent use (Caffeine's
 * admission policy) and lets the one-off ones go.
 */
public final class ClientBudgets {
    private final Cache<String, Bucket> buckets;
    private final long capacity;
    private final Duration refillPeriod;

    /** {@code capacity} tokens, refilled evenly over {@code refillPeriod}. */
    public ClientBudgets(long capacity, Duration refillPeriod, long maxKeys) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(refillPeriod).build();
    }

    /** Takes one token of the key's bucket; empty: how long until the next token ({@code OptionalLong} of seconds). */
    public OptionalLong take(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /** Whether the key's bucket is empty, without taking anything; if so, the seconds until it has a token again. */
    public OptionalLong emptyFor(String key) {
        Bucket bucket = buckets.getIfPresent(hashed(key));
        if (bucket == null) {
            return OptionalLong.empty();
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? OptionalLong.empty() : OptionalLong.of(seconds(estimate.getNanosToWaitForRefill()));
    }

    /** Gives one token back to the key's bucket (a try that turned out not to count). */
    public void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(hashed(key));
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Forgets the key's bucket (it is full again). */
    public void reset(String key) {
        buckets.invalidate(hashed(key));
    }

    /** How many keys are held (bounded by {@code maxKeys}). */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key) {
        return buckets.get(hashed(key), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .build());
    }

    /** Keys are kept as 128 bits of their SHA-256: whatever a caller sends as a name, an entry stays small. */
    private static String hashed(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
