import "i18next";
import type enCommon from "./messages/en/common.json";
import type enBoard from "./messages/en/board.json";
import type enCourier from "./messages/en/courier.json";
import type enTrack from "./messages/en/track.json";
import type enUsers from "./messages/en/users.json";
import type enInsights from "./messages/en/insights.json";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: { common: typeof enCommon; board: typeof enBoard; courier: typeof enCourier; track: typeof enTrack; users: typeof enUsers; insights: typeof enInsights };
  }
}
