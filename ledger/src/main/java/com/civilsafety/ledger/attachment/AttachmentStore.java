package com.civilsafety.ledger.attachment;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.common.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files on disk under {@code civil-safety.attachments.dir}, named by their SHA-256 (the same photo uploaded
 * twice is stored once). The caller checks that the actor may attach to or read the subject.
 */
@Service
public class AttachmentStore {
    private static final int MAX_NAME = 120;

    private final AttachmentRepository attachments;
    private final Path dir;
    private final long maxBytes;
    private final Clock clock;

    public AttachmentStore(AttachmentRepository attachments,
                           @Value("${civil-safety.attachments.dir:./data/attachments}") Path dir,
                           @Value("${civil-safety.attachments.max-size:10MB}") DataSize maxSize, Clock clock) {
        this.attachments = attachments;
        this.dir = dir.toAbsolutePath().normalize();
        this.maxBytes = maxSize.toBytes();
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores a file: type recognised from its bytes (JPEG, PNG or PDF), size within the limit, name reduced to a safe
     * display name. A file that fails any check leaves nothing behind.
     */
    @Transactional
    public Attachment store(String subjectType, long subjectId, String originalName, InputStream content, Actor actor) {
        return store(subjectType, subjectId, originalName, content, actor, false);
    }

    /** A photo: as {@link #store}, but only JPEG or PNG images. */
    @Transactional
    public Attachment storePhoto(String subjectType, long subjectId, String originalName, InputStream content, Actor actor) {
        return store(subjectType, subjectId, originalName, content, actor, true);
    }

    private Attachment store(String subjectType, long subjectId, String originalName, InputStream content, Actor actor,
                             boolean imagesOnly) {
        try {
            PrivateFiles.directory(dir);
            Path temp = Files.createTempFile(dir, "upload-", ".part");
            PrivateFiles.file(temp);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size;
                try (InputStream in = new DigestInputStream(content, sha)) {
                    size = copyAtMost(in, temp, maxBytes);
                }
                if (size == 0) {
                    throw new InvalidInputException("file", "文件为空");
                }
                byte[] head = new byte[16];
                int read;
                try (InputStream in = Files.newInputStream(temp)) {
                    read = in.readNBytes(head, 0, head.length);
                }
                FileKind kind = FileKind.sniff(java.util.Arrays.copyOf(head, read))
                        .filter(k -> !imagesOnly || k != FileKind.PDF)
                        .orElseThrow(() -> new UnsupportedFileException(imagesOnly ? "只接受 JPEG、PNG 图片"
                                : "只接受 JPEG、PNG 图片或 PDF 文件"));
                String sha256 = HexFormat.of().formatHex(sha.digest());
                Path target = dir.resolve(sha256.substring(0, 2)).resolve(sha256);
                PrivateFiles.directory(target.getParent());
                if (!Files.exists(target)) {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    PrivateFiles.file(target); // stored before this release made files owner-only
                }
                return attachments.save(new Attachment(subjectType, subjectId, displayName(originalName, kind), kind.contentType(),
                        size, sha256, actor.personId(), clock.instant()));
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same stored files, recorded for another record too (a self-check's photos for the hazard each item became). */
    @Transactional
    public void copyTo(Collection<Long> attachmentIds, String subjectType, long subjectId) {
        for (Attachment a : attachments.findAllById(attachmentIds)) {
            attachments.save(new Attachment(subjectType, subjectId, a.getFilename(), a.getContentType(), a.getSize(),
                    a.getSha256(), a.getUploadedBy(), a.getUploadedAt()));
        }
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(String subjectType, long subjectId) {
        return attachments.findBySubjectTypeAndSubjectIdOrderById(subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public Attachment get(long id) {
        return attachments.findById(id).orElseThrow(() -> new NotFoundException("附件不存在：" + id));
    }

    /** The stored bytes, checked against the recorded checksum's file name. */
    public Path content(Attachment attachment) {
        Path file = dir.resolve(attachment.getSha256().substring(0, 2)).resolve(attachment.getSha256());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("attachment " + attachment.getId() + " has no stored content");
        }
        return file;
    }

    /** Copies up to {@code limit} bytes; more than that is a rejection, not a truncation. */
    private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (var out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new FileTooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** Only the last path segment, without control or path characters, with the extension the bytes justify. */
    static String displayName(String original, FileKind kind) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").strip();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        base = base.replaceAll("^\\.+", "");
        if (base.isBlank()) {
            base = "附件";
        }
        if (base.length() > MAX_NAME) {
            base = base.substring(0, MAX_NAME);
        }
        return base + kind.extension();
    }
}
