package com.civilsafety.ledger.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long> {
    List<Campaign> findAllByOrderByIdDesc();
}

interface CampaignPhaseRepository extends JpaRepository<CampaignPhase, Long> {
    List<CampaignPhase> findByCampaignIdOrderByOrdinal(Long campaignId);
}

interface CampaignDeliverableRepository extends JpaRepository<CampaignDeliverable, Long> {
    List<CampaignDeliverable> findByCampaignIdOrderByDueOn(Long campaignId);
}
