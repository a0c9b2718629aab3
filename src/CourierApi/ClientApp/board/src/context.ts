import { createContext, useContext } from "react";
import type { Schemas } from "../../shared/api/client";

/** What every feature of the board needs: which depot and date, its zone, the page's locale, whether the user may edit. */
export interface Board {
  depot: Schemas["DepotResponse"];
  date: string;
  zone: string;
  locale: string;
  editable: boolean;
  /** Switches the board's view (orders, fleet, plan, live). */
  show: (view: BoardView) => void;
}

export type BoardView = "orders" | "fleet" | "plan" | "live";

export const BoardContext = createContext<Board | null>(null);

export function useBoard(): Board {
  const board = useContext(BoardContext);
  if (!board) throw new Error("useBoard outside the board");
  return board;
}
