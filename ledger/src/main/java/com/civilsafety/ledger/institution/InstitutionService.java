package com.civilsafety.ledger.institution;

import com.civilsafety.ledger.access.Actor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class InstitutionService {
    private final InstitutionRepository institutions;

    public InstitutionService(InstitutionRepository institutions) {
        this.institutions = institutions;
    }

    @Transactional(readOnly = true)
    public Page<Institution> listInScope(Actor actor, Pageable pageable) {
        return institutions.findInScope(actor.regionPath(), actor.institutionId(), pageable);
    }
}
