-- Evidence files (photos, scans) attached to a record.
create table attachment (
    id           ${id},
    subject_type varchar(32)  not null,
    subject_id   bigint       not null,
    filename     varchar(255) not null,
    content_type varchar(64)  not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    uploaded_by  bigint       not null,
    uploaded_at  ${timestamp}  not null,
    foreign key (uploaded_by) references person (id)
)${table_options};
create index ix_attachment_subject on attachment (subject_type, subject_id);
