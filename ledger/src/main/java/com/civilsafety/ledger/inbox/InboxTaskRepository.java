package com.civilsafety.ledger.inbox;

import com.civilsafety.ledger.access.Role;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface InboxTaskRepository extends JpaRepository<InboxTask, Long> {

    /** Locks the task row so two submissions of the same task are serialised (the second sees it completed). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from InboxTask t where t.id = :id")
    Optional<InboxTask> findForUpdate(Long id);

    @Query("""
            select t from InboxTask t
            where t.status = :status
              and t.candidateRole in :roles
              and t.region.path like concat(:regionPath, '%')
              and (:institutionId is null or t.institutionId = :institutionId)
              and (t.assigneeId is null or t.assigneeId = :personId)
              and (t.candidateSection is null or t.candidateSection = :section)
            order by t.dueAt, t.id""")
    List<InboxTask> findForCandidate(TaskStatus status, Collection<Role> roles, String regionPath, Long institutionId,
                                     Long personId, String section);

    /** 已办: what a person completed, newest first, optionally of one kind and with a word of its title. */
    @Query("""
            select t from InboxTask t
            where t.completedBy = :personId and t.status = com.civilsafety.ledger.inbox.TaskStatus.COMPLETED
              and (:kind is null or t.kind = :kind)
              and (:keyword is null or t.title like concat('%', :keyword, '%'))
            order by t.completedAt desc, t.id desc""")
    Page<InboxTask> findDone(Long personId, TaskKind kind, String keyword, Pageable pageable);

    List<InboxTask> findBySubjectTypeAndSubjectIdOrderById(String subjectType, Long subjectId);

    List<InboxTask> findByProcessInstanceKeyAndStatus(Long processInstanceKey, TaskStatus status);

    @Query("""
            select new com.civilsafety.ledger.inbox.DueTask(t.id, t.kind, t.title, t.dueAt, t.assigneeId, t.candidateRole,
                   t.region.path, t.institutionId, t.candidateSection)
            from InboxTask t where t.id in :ids and t.status = com.civilsafety.ledger.inbox.TaskStatus.OPEN order by t.id""")
    List<DueTask> findOpenDue(Collection<Long> ids);
}
