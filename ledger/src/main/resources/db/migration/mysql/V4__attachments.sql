-- Evidence files (photos, scans) attached to a record (MySQL 8 / MariaDB 10.11+). Keep in step with ../h2/V4__attachments.sql.
create table attachment (
    id           bigint auto_increment primary key,
    subject_type varchar(32)  not null,
    subject_id   bigint       not null,
    filename     varchar(255) not null,
    content_type varchar(64)  not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    uploaded_by  bigint       not null,
    uploaded_at  datetime(6)  not null,
    foreign key (uploaded_by) references person (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
create index ix_attachment_subject on attachment (subject_type, subject_id);
