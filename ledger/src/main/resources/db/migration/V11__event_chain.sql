-- The event log made tamper-evident: every event is sealed when its transaction commits, in commit order, with the
-- SHA-256 of its content and of the seal before it.
alter table ledger_event add column chain_seq bigint;
alter table ledger_event add column previous_hash varchar(64);
alter table ledger_event add column hash varchar(64);
create unique index ux_ledger_event_chain on ledger_event (chain_seq);

-- the head of the chain: one row, locked by each sealing transaction in turn
create table ledger_chain (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
)${table_options};
insert into ledger_chain (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
