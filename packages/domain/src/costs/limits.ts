/** No municipality's IT cost comes near this; a bigger figure is a typing error (an extra digit or øre). */
export const MAX_IT_COST_NOK = 20_000_000_000;
